package com.retentiondesk.arrears;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.retentiondesk.Fixtures;
import com.retentiondesk.customer.LineStatus;

class ArrearsPolicyTest {

	private final ArrearsPolicy policy = new ArrearsPolicy(BigDecimal.TEN, 2);

	@Test
	void shouldRemindPrepaidCustomersBelowTenYuanOnly() {
		assertThat(policy.isDue(Fixtures.customer(Fixtures.prepaid("P1", "9.99", "manager1")))).isTrue();
		assertThat(policy.isDue(Fixtures.customer(Fixtures.prepaid("P2", "10.00", "manager1")))).isFalse();
		assertThat(policy.isDue(Fixtures.customer(Fixtures.prepaid("P3", "-5.00", "manager1")))).isTrue();
	}

	@Test
	void shouldRemindPostpaidCustomersFromTwoMonthsInArrears() {
		assertThat(policy.isDue(Fixtures.customer(Fixtures.postpaid("Q1", 1, "manager1")))).isFalse();
		assertThat(policy.isDue(Fixtures.customer(Fixtures.postpaid("Q2", 2, "manager1")))).isTrue();
		assertThat(policy.isDue(Fixtures.customer(Fixtures.postpaid("Q3", 5, "manager1")))).isTrue();
	}

	@Test
	void shouldRemindActiveLinesOnlyNotBarredOrClosedOnes() {
		assertThat(policy.isDue(Fixtures.customer(Fixtures.prepaid("R0", "1.00", "manager1")))).isTrue();
		for (LineStatus status : new LineStatus[] { LineStatus.CLOSED, LineStatus.SINGLE_STOP, LineStatus.DOUBLE_STOP }) {
			assertThat(policy.isDue(Fixtures.customer(Fixtures.withLineStatus(Fixtures.prepaid("R1", "1.00", "manager1"), status))))
					.as(status.name()).isFalse();
		}
	}

	@Test
	void shouldSendAutomaticRemindersToCdmaTierOneOnly() {
		assertThat(policy.wantsAutoReminder(Fixtures.customer(Fixtures.cdmaTier1("T1", "1.00", "manager1", null))))
				.isTrue();
		assertThat(policy.wantsAutoReminder(Fixtures.customer(Fixtures.prepaid("T2", "1.00", "manager1")))).isFalse();
	}

	@Test
	void shouldOweThePostpaidDebtAndNothingForPrepaid() {
		assertThat(policy.amountOwed(Fixtures.customer(Fixtures.postpaid("U1", 2, "manager1"))))
				.isEqualByComparingTo("120.00");
		assertThat(policy.amountOwed(Fixtures.customer(Fixtures.prepaid("U2", "3.00", "manager1"))))
				.isEqualByComparingTo("0");
	}
}
