package com.retentiondesk.arrears;

import java.math.BigDecimal;

import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.LineStatus;
import com.retentiondesk.customer.Network;
import com.retentiondesk.customer.PaymentType;
import com.retentiondesk.customer.Segment;

/**
 * Who gets an arrears reminder (欠费温馨提醒): prepaid customers whose balance is below the threshold
 * (10 yuan) and postpaid customers the given number of months (2) or more in arrears, whose line is
 * active: a barred line (single or double stop) is the win-back case's, a closed one nobody's. CDMA
 * tier-1 customers also get automatic reminders before the call.
 */
record ArrearsPolicy(BigDecimal prepaidBalanceBelow, int postpaidArrearsMonths) {

	boolean isDue(Customer customer) {
		if (customer.getLineStatus() != LineStatus.ACTIVE) {
			return false;
		}
		return switch (customer.getPaymentType()) {
			case PREPAID -> customer.getBalance().compareTo(prepaidBalanceBelow) < 0;
			case POSTPAID -> customer.getArrearsMonths() >= postpaidArrearsMonths;
		};
	}

	boolean wantsAutoReminder(Customer customer) {
		return customer.getNetwork() == Network.CDMA && customer.getSegment() == Segment.CDMA_TIER1;
	}

	/** What the customer owes: a postpaid debt, or nothing for a prepaid customer (whose balance is low). */
	BigDecimal amountOwed(Customer customer) {
		if (customer.getPaymentType() == PaymentType.POSTPAID && customer.getBalance().signum() < 0) {
			return customer.getBalance().negate();
		}
		return BigDecimal.ZERO.setScale(2);
	}
}
