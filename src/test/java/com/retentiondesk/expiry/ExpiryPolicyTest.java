package com.retentiondesk.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import com.retentiondesk.contract.Agreement;
import com.retentiondesk.contract.AgreementType;

/** Which agreements ending soon are a new reason for an expiry case, without Spring or the engine. */
class ExpiryPolicyTest {

	private static final Period WINDOW = Period.ofDays(60);
	private static final LocalDate END = LocalDate.of(2027, 1, 10);
	private final Agreement worked = agreement(1L, AgreementType.RECHARGE_BINDING, END);

	@Test
	void shouldTakeTheWorkedAgreementItselfAndACorrectedEndDateOfTheSameTypeAsWorked() {
		assertThat(ExpiryPolicy.alreadyWorked(worked, List.of(worked), WINDOW)).isTrue();
		assertThat(ExpiryPolicy.alreadyWorked(agreement(2L, AgreementType.RECHARGE_BINDING, END.plusDays(60)),
				List.of(worked), WINDOW)).isTrue();
		assertThat(ExpiryPolicy.alreadyWorked(agreement(3L, AgreementType.RECHARGE_BINDING, END.minusDays(60)),
				List.of(worked), WINDOW)).isTrue();
	}

	@Test
	void shouldTakeARenewalAnotherTypeOrNoHistoryAsNew() {
		assertThat(ExpiryPolicy.alreadyWorked(agreement(4L, AgreementType.RECHARGE_BINDING, END.plusMonths(12)),
				List.of(worked), WINDOW)).isFalse();
		assertThat(ExpiryPolicy.alreadyWorked(agreement(5L, AgreementType.RECHARGE_BINDING, END.plusDays(61)),
				List.of(worked), WINDOW)).isFalse();
		assertThat(ExpiryPolicy.alreadyWorked(agreement(6L, AgreementType.HANDSET_SUBSIDY, END), List.of(worked), WINDOW))
				.isFalse();
		assertThat(ExpiryPolicy.alreadyWorked(worked, List.of(), WINDOW)).isFalse();
	}

	private static Agreement agreement(long id, AgreementType type, LocalDate end) {
		Agreement agreement = new Agreement("C1", type, end, LocalDateTime.of(2026, 11, 1, 8, 0));
		ReflectionTestUtils.setField(agreement, "id", id);
		return agreement;
	}
}
