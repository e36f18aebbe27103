package com.retentiondesk.winback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.customer.LineStatus;

/** Which suspensions are new stops, without Spring or the engine. */
class WinbackPolicyTest {

	@Test
	void shouldOpenACaseWhenNoCaseWorkedTheStopWhateverTheLineWas() {
		assertThat(WinbackPolicy.opensCase(LineStatus.SINGLE_STOP, StopKind.SINGLE_STOP, List.of())).isTrue();
		assertThat(WinbackPolicy.opensCase(LineStatus.DOUBLE_STOP, StopKind.DOUBLE_STOP, List.of())).isTrue();
	}

	@Test
	void shouldOpenNoCaseAfterALostOneUntilAPaymentOrReactivation() {
		assertThat(WinbackPolicy.opensCase(LineStatus.SINGLE_STOP, StopKind.DOUBLE_STOP, List.of(CaseOutcome.LOST)))
				.isFalse();
		assertThat(WinbackPolicy.opensCase(LineStatus.DOUBLE_STOP, StopKind.DOUBLE_STOP,
				List.of(CaseOutcome.EXPIRED, CaseOutcome.LOST))).isFalse();
	}

	@Test
	void shouldOpenACaseAfterAnExpiredOneOnlyForAHarderStop() {
		assertThat(WinbackPolicy.opensCase(LineStatus.SINGLE_STOP, StopKind.DOUBLE_STOP, List.of(CaseOutcome.EXPIRED)))
				.isTrue();
		assertThat(WinbackPolicy.opensCase(LineStatus.SINGLE_STOP, StopKind.SINGLE_STOP, List.of(CaseOutcome.EXPIRED)))
				.isFalse();
		assertThat(WinbackPolicy.opensCase(LineStatus.ACTIVE, StopKind.SINGLE_STOP, List.of(CaseOutcome.EXPIRED)))
				.isTrue();
	}

	@Test
	void shouldTakeAStopOfAnActiveLineAndADoubleStopOfASingleStoppedLineAsNew() {
		assertThat(WinbackPolicy.isNewStop(LineStatus.ACTIVE, StopKind.SINGLE_STOP)).isTrue();
		assertThat(WinbackPolicy.isNewStop(LineStatus.ACTIVE, StopKind.DOUBLE_STOP)).isTrue();
		assertThat(WinbackPolicy.isNewStop(LineStatus.SINGLE_STOP, StopKind.DOUBLE_STOP)).isTrue();
	}

	@Test
	void shouldTakeAStopOfALineAlreadyStoppedAsHardAsTheSameStop() {
		assertThat(WinbackPolicy.isNewStop(LineStatus.SINGLE_STOP, StopKind.SINGLE_STOP)).isFalse();
		assertThat(WinbackPolicy.isNewStop(LineStatus.DOUBLE_STOP, StopKind.DOUBLE_STOP)).isFalse();
		assertThat(WinbackPolicy.isNewStop(LineStatus.DOUBLE_STOP, StopKind.SINGLE_STOP)).isFalse();
	}
}
