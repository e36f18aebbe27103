package com.retentiondesk.handover;

import java.math.BigDecimal;
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
import com.retentiondesk.billing.BillingBounds;
import com.retentiondesk.billing.Payment;
import com.retentiondesk.billing.Payments;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.winback.WinbackCases;

/**
 * Books a payment that billing reports: records it once, updates the customer's balance and arrears,
 * and tells the cases that wait for payment (arrears reminder, win-back), in one transaction.
 */
@Service
public class PaymentBooking {

	/** What happened to a reported payment. */
	public record Result(String customerNo, boolean duplicate, List<Long> casesClosed) {
	}

	/** The customer number is not known to the desk. */
	public static class UnknownCustomerException extends RuntimeException {
		UnknownCustomerException(String customerNo) {
			super("未知客户: " + customerNo);
		}
	}

	private final Customers customers;
	private final Payments payments;
	private final ArrearsCases arrears;
	private final WinbackCases winback;
	private final Clock clock;

	PaymentBooking(Customers customers, Payments payments, ArrearsCases arrears, WinbackCases winback, Clock clock) {
		this.winback = winback;
		this.customers = customers;
		this.payments = payments;
		this.arrears = arrears;
		this.clock = clock;
	}

	/** Called by {@code POST /api/billing/payments}. The same payment reported twice changes nothing. */
	@Transactional
	public Result book(String customerNo, BigDecimal amount, OffsetDateTime paidAt) {
		Customer customer = customers.findById(customerNo).orElseThrow(() -> new UnknownCustomerException(customerNo));
		// whole seconds in the desk's zone, as the database stores them: a repeat then matches exactly
		LocalDateTime paid = paidAt.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDateTime()
				.truncatedTo(ChronoUnit.SECONDS);
		BigDecimal yuan = amount.setScale(2);
		if (payments.existsByCustomerNoAndPaidAtAndAmount(customerNo, paid, yuan)) {
			return new Result(customerNo, true, List.of());
		}
		BigDecimal after = customer.getBalance().add(yuan);
		if (after.compareTo(BillingBounds.MAX_AMOUNT) > 0) {
			throw new IllegalArgumentException("amount: 缴费后余额超出范围 (最多 9999999999.99): 余额 "
					+ customer.getBalance().toPlainString() + " + " + yuan.toPlainString());
		}
		LocalDateTime now = LocalDateTime.now(clock);
		payments.saveAndFlush(new Payment(customerNo, yuan, paid, now));
		customer.applyPayment(yuan, now);
		List<Long> closed = new ArrayList<>();
		arrears.paymentReceived(customerNo, yuan).map(RetentionCase::getId).ifPresent(closed::add);
		winback.wonBack(customerNo).map(RetentionCase::getId).ifPresent(closed::add);
		return new Result(customerNo, false, closed);
	}
}
