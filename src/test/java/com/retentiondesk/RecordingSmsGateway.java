package com.retentiondesk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import com.retentiondesk.notification.SmsGateway;

/**
 * The SMS gateway of the tests: records what was sent and can be told to fail, like a real gateway. Not in
 * a context that points the desk at an SMS centre (SmppGatewayTest's simulator).
 */
@Component
@Primary
@ConditionalOnExpression("'${desk.sms.smpp.host:}'.isEmpty()")
public class RecordingSmsGateway implements SmsGateway {

	public record Sms(String phoneNumber, String text) {
	}

	private final List<Sms> sent = new CopyOnWriteArrayList<>();
	private final AtomicInteger failures = new AtomicInteger();

	@Override
	public Submitted submit(String phoneNumber, String text) {
		if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			throw new IllegalStateException("SMS gateway unavailable (test)");
		}
		sent.add(new Sms(phoneNumber, text));
		return new Submitted(List.of("recorded-" + sent.size()), "TEST", false);
	}

	public void failNext(int times) {
		failures.set(times);
	}

	public List<Sms> sentTo(String phoneNumber) {
		return sent.stream().filter(s -> s.phoneNumber().equals(phoneNumber)).toList();
	}
}
