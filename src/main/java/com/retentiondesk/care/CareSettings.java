package com.retentiondesk.care;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code desk.care}: the managers confirm a holiday batch {@code holidayLeadDays} days before the holiday
 * (default 2), and it goes out at {@code holidaySendTime} (default 10:00) on the day before the holiday; the
 * managers of a weather alert confirm within {@code weatherConfirmWithin} (default PT2H); greetings go out in
 * chunks of {@code chunkSize} messages (default 500), each chunk queued in one transaction.
 */
@ConfigurationProperties("desk.care")
record CareSettings(int holidayLeadDays, LocalTime holidaySendTime, Duration weatherConfirmWithin, int chunkSize) {

	CareSettings {
		holidayLeadDays = holidayLeadDays <= 0 ? 2 : holidayLeadDays;
		holidaySendTime = holidaySendTime == null ? LocalTime.of(10, 0) : holidaySendTime;
		weatherConfirmWithin = weatherConfirmWithin == null ? Duration.ofHours(2) : weatherConfirmWithin;
		chunkSize = chunkSize <= 0 ? 500 : chunkSize;
	}

	@Configuration
	@EnableConfigurationProperties(CareSettings.class)
	static class Enable {
	}
}
