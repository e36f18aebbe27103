package com.retentiondesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The tests' SMTP server (GreenMail) on a port that was free when this JVM first asked, not a fixed one,
 * so that two builds on one machine do not collide. The test profile's {@code spring.mail.port} is
 * {@code ${desk.test.mail-port}}, which this post-processor supplies (registered in
 * {@code META-INF/spring.factories}) with the same port the test classes give GreenMail.
 */
public final class TestMail implements EnvironmentPostProcessor {

	public static final int PORT = freePort();
	public static final ServerSetup SMTP = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// last: a value given by the test itself or on the command line still wins
		environment.getPropertySources().addLast(new MapPropertySource("test-mail", Map.of("desk.test.mail-port", PORT)));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new UncheckedIOException("no free port for the tests' SMTP server", e);
		}
	}
}
