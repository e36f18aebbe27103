package com.retentiondesk.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class SurveyPolicyTest {

	private static final BigDecimal TEN_PERCENT = new BigDecimal("0.10");

	@Test
	void shouldSampleTenPercentRoundedUpAndAtLeastOneOfAManagerWithReachedCustomers() {
		assertThat(SurveyPolicy.sampleSize(11, TEN_PERCENT)).isEqualTo(2);
		assertThat(SurveyPolicy.sampleSize(10, TEN_PERCENT)).isEqualTo(1);
		assertThat(SurveyPolicy.sampleSize(20, TEN_PERCENT)).isEqualTo(2);
		assertThat(SurveyPolicy.sampleSize(21, TEN_PERCENT)).isEqualTo(3);
		assertThat(SurveyPolicy.sampleSize(3, TEN_PERCENT)).isEqualTo(1);
		assertThat(SurveyPolicy.sampleSize(1, TEN_PERCENT)).isEqualTo(1);
		assertThat(SurveyPolicy.sampleSize(0, TEN_PERCENT)).isZero();
		assertThat(SurveyPolicy.sampleSize(3, BigDecimal.ONE)).isEqualTo(3);
		assertThat(SurveyPolicy.sampleSize(7, new BigDecimal("0.5"))).isEqualTo(4);
	}

	@Test
	void shouldRefuseARateOutsideZeroToOne() {
		assertThatThrownBy(() -> SurveyPolicy.sampleSize(5, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> SurveyPolicy.sampleSize(5, new BigDecimal("1.5"))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldSampleOnTheMonthsFirstWorkingDayOnly() {
		// 1 and 2 January 2027 a holiday and a Saturday: the first working day is Monday 4 January
		Set<LocalDate> holidays = Set.of(LocalDate.of(2027, 1, 1));
		Predicate<LocalDate> working = day -> !holidays.contains(day) && day.getDayOfWeek() != DayOfWeek.SATURDAY
				&& day.getDayOfWeek() != DayOfWeek.SUNDAY;

		assertThat(SurveyPolicy.isSurveyDay(LocalDate.of(2027, 1, 1), working)).isFalse();
		assertThat(SurveyPolicy.isSurveyDay(LocalDate.of(2027, 1, 2), working)).isFalse();
		assertThat(SurveyPolicy.isSurveyDay(LocalDate.of(2027, 1, 4), working)).isTrue();
		assertThat(SurveyPolicy.isSurveyDay(LocalDate.of(2027, 1, 5), working)).isFalse();
		assertThat(SurveyPolicy.isSurveyDay(LocalDate.of(2026, 12, 1), working)).isTrue();
	}

	@Test
	void shouldSampleLastMonthUnlessToldAnotherAndBeDueOnTheComingTenth() {
		assertThat(SurveyPolicy.sampledMonth(LocalDate.of(2027, 1, 4), null)).isEqualTo(YearMonth.of(2026, 12));
		assertThat(SurveyPolicy.sampledMonth(LocalDate.of(2026, 12, 2), YearMonth.of(2026, 12)))
				.isEqualTo(YearMonth.of(2026, 12));
		assertThat(SurveyPolicy.dueDay(LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(SurveyPolicy.dueDay(LocalDate.of(2026, 12, 10))).isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(SurveyPolicy.dueDay(LocalDate.of(2026, 12, 11))).isEqualTo(LocalDate.of(2027, 1, 10));
	}
}
