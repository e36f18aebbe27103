package com.retentiondesk.inbound;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;
import com.retentiondesk.web.DeskPrincipal;

/**
 * {@code POST /api/inbound/calls} for the CTI of 10000: records a star customer's call, who took it and what it
 * was about. 201 with what it opened (a call-back, a result to tell); the same number at the same time again
 * answers 200 with the first record ({@code duplicate: true}) and changes nothing, so the CTI may retry.
 */
@RestController
class InboundCallController {

	/** The body; {@code at} is ISO-8601 with an offset, or a local time in Asia/Shanghai; absent = now. */
	record CallBody(String number, String at, InboundCall.TakenBy takenBy, InboundCall.Topic topic, String notes,
			String handsetProblem, String packageSuggestion, String competitorNews) {
	}

	/** The CTI's clock may run a little ahead of ours. */
	private static final long FUTURE_TOLERANCE_MINUTES = 5;

	private final Callers callers;
	private final InboundCallbacks callbacks;
	private final WorkCalendar calendar;
	private final java.time.Clock clock;

	InboundCallController(Callers callers, InboundCallbacks callbacks, WorkCalendar calendar, java.time.Clock clock) {
		this.callers = callers;
		this.callbacks = callbacks;
		this.calendar = calendar;
		this.clock = clock;
	}

	@PostMapping("/api/inbound/calls")
	@AllowedGroups(DeskGroups.INTEGRATION)
	ResponseEntity<InboundCallbacks.Recorded> record(@RequestBody CallBody body, HttpServletRequest http) {
		if (body.takenBy() == null) {
			throw new IllegalArgumentException("takenBy: 请填写接听方 (MANAGER 电话经理 / FRONT_DESK 10000前台)");
		}
		if (body.topic() == null) {
			throw new IllegalArgumentException("topic: 请填写来电事由 (CONSULT, FAULT, BUSINESS, COMPLAINT, OTHER)");
		}
		LocalDateTime at = at(body.at());
		Customer customer = callers.customerOf(body.number());
		InboundCallbacks.Report report = new InboundCallbacks.Report(body.number().strip(), at, body.takenBy(),
				body.topic(), text("notes", body.notes(), 1000), text("handsetProblem", body.handsetProblem(), 500),
				text("packageSuggestion", body.packageSuggestion(), 500),
				text("competitorNews", body.competitorNews(), 500));
		InboundCallbacks.Recorded recorded = callbacks.record(customer, report, DeskPrincipal.of(http).userId());
		return ResponseEntity.status(recorded.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(recorded);
	}

	private LocalDateTime at(String text) {
		ZoneId zone = calendar.zone();
		LocalDateTime now = LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.SECONDS);
		if (text == null || text.isBlank()) {
			return now;
		}
		LocalDateTime at = parse(text.strip(), zone).truncatedTo(ChronoUnit.SECONDS);
		if (at.isAfter(now.plusMinutes(FUTURE_TOLERANCE_MINUTES))) {
			throw new IllegalArgumentException("at: 来电时间 " + text + " 晚于当前时间");
		}
		return at;
	}

	private static LocalDateTime parse(String text, ZoneId zone) {
		try {
			return OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDateTime();
		} catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(text);
			} catch (DateTimeParseException e) {
				throw new IllegalArgumentException("at: 来电时间格式错误 (" + text + "), 应为 2026-12-02T10:15:00+08:00");
			}
		}
	}

	private static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw new IllegalArgumentException(field + ": 不能超过 " + max + " 个字符");
		}
		return text;
	}
}
