package com.retentiondesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Issue 23: the ranges of billing's figures, each refusal naming its field. */
class BillingBoundsTest {

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

	@Test
	void shouldTakePaymentsAboveZeroUpToWhatTheColumnHolds() {
		assertThat(BillingBounds.payment("amount", new BigDecimal("0.01"))).isEqualByComparingTo("0.01");
		assertThat(BillingBounds.payment("amount", new BigDecimal("9999999999.99"))).hasToString("9999999999.99");
		assertThatThrownBy(() -> BillingBounds.payment("amount", new BigDecimal("10000000000.00")))
				.hasMessageStartingWith("amount: 缴费金额超出范围");
		assertThatThrownBy(() -> BillingBounds.payment("amount", BigDecimal.ZERO)).hasMessageStartingWith("amount");
		assertThatThrownBy(() -> BillingBounds.payment("amount", new BigDecimal("1.001"))).hasMessageContaining("两位小数");
		assertThatThrownBy(() -> BillingBounds.payment("amount", null)).hasMessageStartingWith("amount");
	}

	@Test
	void shouldTakeBalancesWithinPlusMinusTheColumnAndUsageFromZero() {
		assertThat(BillingBounds.balance("balance", new BigDecimal("-9999999999.99"))).isNegative();
		assertThatThrownBy(() -> BillingBounds.balance("balance", new BigDecimal("-10000000000")))
				.hasMessageStartingWith("balance: 余额超出范围");
		assertThat(BillingBounds.usage("callCount", 0L)).isZero();
		assertThatThrownBy(() -> BillingBounds.usage("callCount", -1L)).hasMessageStartingWith("callCount: 用量不能为负数");
		assertThatThrownBy(() -> BillingBounds.usage("callCount", 3_000_000_000L)).hasMessageStartingWith("callCount");
		assertThatThrownBy(() -> BillingBounds.usage("minutes", new BigDecimal("-0.5")))
				.hasMessageStartingWith("minutes: 用量不能为负数");
	}

	@Test
	void shouldTakeEventsFrom2000UpToADayAhead() {
		BillingBounds.eventTime("paidAt", OffsetDateTime.parse("2000-01-01T00:00:00+08:00"), clock);
		BillingBounds.eventTime("paidAt", OffsetDateTime.parse("2026-12-03T09:59:59+08:00"), clock);
		assertThatThrownBy(() -> BillingBounds.eventTime("paidAt", OffsetDateTime.parse("1999-12-31T23:59:59+08:00"), clock))
				.hasMessageStartingWith("paidAt: 时间早于 2000-01-01");
		assertThatThrownBy(() -> BillingBounds.eventTime("at", OffsetDateTime.parse("2026-12-03T10:00:01+08:00"), clock))
				.hasMessageStartingWith("at: 时间不能在未来");
		assertThatThrownBy(() -> BillingBounds.eventTime("at", null, clock)).hasMessageStartingWith("at: 缺少时间");
	}
}
