package com.retentiondesk.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMS gateway: SMPP whenever {@code SMPP_HOST} is set (any profile), else the local one. */
@Configuration
@EnableConfigurationProperties(SmppSettings.class)
class SmsGatewayConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SmsGatewayConfiguration.class);

	@Bean
	SmsGateway smsGateway(SmppSettings smpp, SmsEvents events) {
		smpp.check();
		if (smpp.enabled()) {
			log.info("SMS go to the SMS centre at {}:{} as {} (SMPP 3.4, transceiver)", smpp.host(), smpp.port(),
					smpp.systemId());
			SmppSmsGateway gateway = new SmppSmsGateway(smpp, events);
			gateway.start();
			return gateway;
		}
		log.info("SMPP_HOST is not set: SMS are kept in the desk (local gateway), none reaches a phone");
		return new LocalSmsGateway();
	}
}
