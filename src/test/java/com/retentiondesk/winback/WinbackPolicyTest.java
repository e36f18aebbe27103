package com.retentiondesk.winback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.retentiondesk.customer.LineStatus;

/** Which suspensions are new stops, without Spring or the engine. */
class WinbackPolicyTest {

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
