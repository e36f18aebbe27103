package com.retentiondesk;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/** A bean an injected expression would call: its counter shows whether an expression was evaluated. */
@Component("canary")
public class ExpressionCanary {

	private final AtomicInteger touched = new AtomicInteger();

	public String touch() {
		touched.incrementAndGet();
		return "manager1";
	}

	public int touched() {
		return touched.get();
	}
}
