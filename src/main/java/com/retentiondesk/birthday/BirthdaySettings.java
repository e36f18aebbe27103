package com.retentiondesk.birthday;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code desk.care}: {@code birthdayText} is the greeting SMS ({@code {name}}: the customer's name, {@code {manager}}:
 * the manager's, family name first), a care message without any offer; {@code birthdayScanChunkSize} customers per
 * chunk of the daily scan.
 */
@ConfigurationProperties("desk.care")
record BirthdaySettings(String birthdayText, int birthdayScanChunkSize) {

	static final String DEFAULT_TEXT = "尊敬的{name}：值此生日之际，您的电话经理{manager}祝您生日快乐，身体健康，万事如意！";

	BirthdaySettings {
		birthdayText = birthdayText == null || birthdayText.isBlank() ? DEFAULT_TEXT : birthdayText.trim();
		birthdayScanChunkSize = birthdayScanChunkSize <= 0 ? 500 : birthdayScanChunkSize;
	}

	/** The greeting for a customer from their manager. */
	String textFor(String customerName, String managerName) {
		return birthdayText.replace("{name}", customerName).replace("{manager}", managerName);
	}

	@Configuration
	@EnableConfigurationProperties(BirthdaySettings.class)
	static class Enable {
	}
}
