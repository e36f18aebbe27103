package com.retentiondesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Which gateway the desk starts with, and its refusal to start with SMPP configured half-way. */
class SmsGatewayConfigurationTest {

	private final ApplicationContextRunner desk = new ApplicationContextRunner()
			.withUserConfiguration(SmsGatewayConfiguration.class)
			.withBean(SmsEvents.class, () -> new SmsEvents() {
				@Override
				public void receipt(String smscMessageId, boolean delivered, String state, String errorCode) {
				}

				@Override
				public void reply(String fromNumber, String text) {
				}
			});

	@Test
	void withoutSmppHostTheLocalGatewayKeepsMessagesInTheDesk() {
		desk.run(context -> {
			assertThat(context).hasNotFailed();
			SmsGateway gateway = context.getBean(SmsGateway.class);
			assertThat(gateway).isInstanceOf(LocalSmsGateway.class);
			SmsGateway.Submitted submitted = gateway.submit("13300000001", "话".repeat(140));
			assertThat(submitted.partIds()).hasSize(3);
			assertThat(submitted.gateway()).isEqualTo("LOCAL");
			assertThat(submitted.receiptsFollow()).isFalse();
		});
	}

	@Test
	void aHostWithoutSystemIdPasswordAndSourceAddressStopsTheStart() {
		desk.withPropertyValues("desk.sms.smpp.host=smsc.example.cn").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("SMPP is configured half-way: SMPP_HOST set but SMPP_SYSTEM_ID, SMPP_PASSWORD, "
							+ "SMPP_SOURCE_ADDR missing");
		});
	}

	@Test
	void credentialsWithoutAHostStopTheStartToo() {
		desk.withPropertyValues("desk.sms.smpp.system-id=desk", "desk.sms.smpp.password=x").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("SMPP_HOST, SMPP_SOURCE_ADDR missing");
		});
	}

	@Test
	void aCompleteConfigurationSelectsSmpp() {
		desk.withPropertyValues("desk.sms.smpp.host=127.0.0.1", "desk.sms.smpp.port=1", "desk.sms.smpp.system-id=desk",
				"desk.sms.smpp.password=x", "desk.sms.smpp.source-addr=10659999")
				.run(context -> {
					assertThat(context).hasNotFailed();
					SmsGateway gateway = context.getBean(SmsGateway.class);
					assertThat(gateway).isInstanceOf(SmppSmsGateway.class);
					assertThat(((SmppSmsGateway) gateway).bound()).isFalse();
				});
	}
}
