package com.retentiondesk.marketing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** {@code desk.marketing.mail-to}: the marketing department's address for the weekly competitor digest (none: no mail). */
@ConfigurationProperties("desk.marketing")
record MarketingSettings(String mailTo) {

	MarketingSettings {
		mailTo = mailTo == null || mailTo.isBlank() ? null : mailTo.trim();
	}

	@Configuration
	@EnableConfigurationProperties(MarketingSettings.class)
	static class Enable {
	}
}
