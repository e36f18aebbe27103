package com.retentiondesk.casework;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counters for the operator's monitoring ({@code /actuator/prometheus}): cases opened and closed by
 * type and outcome, escalations by type. Counted when the transaction commits, so a rolled-back or
 * retried job counts once.
 */
@Component
public class CaseMetrics {

	private final MeterRegistry registry;

	CaseMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void opened(CaseType type) {
		afterCommit(() -> registry.counter("desk.cases.opened", "type", type.name()).increment());
	}

	void closed(CaseType type, CaseOutcome outcome) {
		afterCommit(() -> registry.counter("desk.cases.closed", "type", type.name(), "outcome", outcome.name()).increment());
	}

	void escalated(CaseType type) {
		afterCommit(() -> registry.counter("desk.escalations", "type", type.name()).increment());
	}

	private static void afterCommit(Runnable count) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count.run();
				}
			});
		} else {
			count.run();
		}
	}
}
