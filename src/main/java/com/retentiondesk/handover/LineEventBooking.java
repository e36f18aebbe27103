package com.retentiondesk.handover;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.billing.LineEvent;
import com.retentiondesk.billing.LineEvents;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.LineStatus;
import com.retentiondesk.upgrade.UpgradeCases;
import com.retentiondesk.winback.StopKind;
import com.retentiondesk.winback.WinbackCases;

/**
 * Books line events that billing reports, in one transaction: records the event once, updates the
 * customer, and hands the customer over between the cases (a suspension ends the arrears case as
 * suspended and opens or moves on the win-back case; a reactivation wins it back; a new CDMA line
 * ends the upgrade case as upgraded).
 */
@Service
public class LineEventBooking {

	/** What a line event did: whether it was a repeat, and which cases it opened, moved or closed. */
	public record Result(String customerNo, boolean duplicate, List<Long> casesTouched) {
	}

	private final Customers customers;
	private final LineEvents events;
	private final ArrearsCases arrears;
	private final WinbackCases winback;
	private final UpgradeCases upgrades;
	private final Clock clock;

	LineEventBooking(Customers customers, LineEvents events, ArrearsCases arrears, WinbackCases winback,
			UpgradeCases upgrades, Clock clock) {
		this.upgrades = upgrades;
		this.customers = customers;
		this.events = events;
		this.arrears = arrears;
		this.winback = winback;
		this.clock = clock;
	}

	/** Called by {@code POST /api/billing/suspensions}. */
	@Transactional
	public Result suspended(String customerNo, StopKind kind, OffsetDateTime at) {
		Customer customer = customers.findById(customerNo)
				.orElseThrow(() -> new PaymentBooking.UnknownCustomerException(customerNo));
		LineEvent.Kind eventKind = kind == StopKind.SINGLE_STOP ? LineEvent.Kind.SINGLE_STOP : LineEvent.Kind.DOUBLE_STOP;
		if (!record(customerNo, eventKind, at)) {
			return new Result(customerNo, true, List.of());
		}
		LineStatus before = customer.getLineStatus();
		if (before != LineStatus.CLOSED) {
			customer.changeLineStatus(kind == StopKind.SINGLE_STOP ? LineStatus.SINGLE_STOP : LineStatus.DOUBLE_STOP,
					LocalDateTime.now(clock));
		}
		List<Long> touched = new ArrayList<>();
		arrears.lineSuspended(customerNo).map(RetentionCase::getId).ifPresent(touched::add);
		winback.lineSuspended(customer, kind, before).map(RetentionCase::getId).ifPresent(touched::add);
		return new Result(customerNo, false, touched);
	}

	/** Called by {@code POST /api/billing/reactivations}; a reactivation without a case is recorded only. */
	@Transactional
	public Result reactivated(String customerNo, OffsetDateTime at) {
		Customer customer = customers.findById(customerNo)
				.orElseThrow(() -> new PaymentBooking.UnknownCustomerException(customerNo));
		if (!record(customerNo, LineEvent.Kind.REACTIVATED, at)) {
			return new Result(customerNo, true, List.of());
		}
		customer.changeLineStatus(LineStatus.ACTIVE, LocalDateTime.now(clock));
		List<Long> touched = new ArrayList<>();
		winback.wonBack(customerNo).map(RetentionCase::getId).ifPresent(touched::add);
		return new Result(customerNo, false, touched);
	}

	/** Called by {@code POST /api/billing/activations}: the customer's new CDMA line is active. */
	@Transactional
	public Result activated(String customerNo, String newServiceNo, OffsetDateTime at) {
		Customer customer = customers.findById(customerNo)
				.orElseThrow(() -> new PaymentBooking.UnknownCustomerException(customerNo));
		if (!record(customerNo, LineEvent.Kind.ACTIVATED, at)) {
			return new Result(customerNo, true, List.of());
		}
		List<Long> touched = new ArrayList<>();
		upgrades.activated(customer, newServiceNo).map(RetentionCase::getId).ifPresent(touched::add);
		return new Result(customerNo, false, touched);
	}

	private boolean record(String customerNo, LineEvent.Kind kind, OffsetDateTime at) {
		LocalDateTime occurred = at.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDateTime()
				.truncatedTo(ChronoUnit.SECONDS);
		if (events.existsByCustomerNoAndKindAndOccurredAt(customerNo, kind, occurred)) {
			return false;
		}
		events.saveAndFlush(new LineEvent(customerNo, kind, occurred, LocalDateTime.now(clock)));
		return true;
	}
}
