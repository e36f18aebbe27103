package com.retentiondesk.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ProfileScanPolicyTest {

	@Test
	void shouldScanOnMondaysOrWhenForced() {
		assertThat(ProfileScanPolicy.isScanDay(LocalDate.of(2026, 12, 7), false)).isTrue();
		assertThat(ProfileScanPolicy.isScanDay(LocalDate.of(2026, 12, 8), false)).isFalse();
		assertThat(ProfileScanPolicy.isScanDay(LocalDate.of(2026, 12, 8), true)).isTrue();
	}

	@Test
	void shouldGiveTheWeeklyNumberLessWhatIsStillOpen() {
		assertThat(ProfileScanPolicy.newCalls(20, 0)).isEqualTo(20);
		assertThat(ProfileScanPolicy.newCalls(20, 15)).isEqualTo(5);
		assertThat(ProfileScanPolicy.newCalls(20, 25)).isZero();
	}
}
