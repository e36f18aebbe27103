package com.retentiondesk.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/**
 * The end-to-end journeys' time machine, {@code /api/e2e/clock}: exists in the {@code e2e} profile
 * only (elsewhere the path answers 404), administrators only. It moves the engine's clock
 * ({@link ClockUtil}, which the desk's {@link DeskClock} follows) forward and wakes the job executor,
 * so a due timer, such as a call task's overdue escalation, fires as it would hours later. The
 * clock keeps running from the new time; it never goes back, as timers already fired cannot.
 */
@RestController
@Profile("e2e")
@AllowedGroups(DeskGroups.ADMINS)
class TestClockController {

	private static final Logger log = LoggerFactory.getLogger(TestClockController.class);

	private final Clock clock;
	private final ProcessEngineConfigurationImpl engine;

	TestClockController(Clock clock, ProcessEngineConfigurationImpl engine) {
		this.clock = clock;
		this.engine = engine;
	}

	/** The desk's time now. */
	@GetMapping("/api/e2e/clock")
	Map<String, Object> now() {
		return Map.of("now", OffsetDateTime.now(clock).toString());
	}

	/**
	 * Moves the clock forward: {@code {"advance":"PT6H"}} (an ISO-8601 duration) or
	 * {@code {"to":"2026-11-27T20:01:00+08:00"}}.
	 */
	@PostMapping("/api/e2e/clock")
	Map<String, Object> move(@RequestBody Map<String, String> request) {
		Instant now = clock.instant();
		Instant target = target(request, now);
		if (target.isBefore(now)) {
			throw new IllegalArgumentException("to: 测试时钟只能向前拨 (" + target + " 早于 " + now + ")");
		}
		Duration forward = Duration.between(now, target);
		// the engine's clock is Joda's, offset from the system clock: a running clock, unlike setCurrentTime
		ClockUtil.offset(target.toEpochMilli() - System.currentTimeMillis());
		JobExecutor jobs = engine.getJobExecutor();
		if (jobs != null && jobs.isActive()) {
			jobs.jobWasAdded();
		}
		log.warn("test clock moved forward by {}: the desk's time is now {}", forward, OffsetDateTime.now(clock));
		return Map.of("now", OffsetDateTime.now(clock).toString(), "movedSeconds", forward.toSeconds());
	}

	private static Instant target(Map<String, String> request, Instant now) {
		String advance = request.get("advance");
		String to = request.get("to");
		if ((advance == null) == (to == null)) {
			throw new IllegalArgumentException("advance 或 to: 二者必须且只能填写一个");
		}
		try {
			return advance != null ? now.plus(Duration.parse(advance)) : OffsetDateTime.parse(to).toInstant();
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException((advance != null ? "advance" : "to") + ": 格式错误 '"
					+ (advance != null ? advance : to) + "' (" + e.getMessage() + ")");
		}
	}
}
