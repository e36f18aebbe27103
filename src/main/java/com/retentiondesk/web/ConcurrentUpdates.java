package com.retentiondesk.web;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Runs a transactional desk operation (a billing event, for instance) again when it lost to a
 * concurrent update: the engine's optimistic locking (a timer of the same case fired at the same
 * moment), the JPA version of a row, a deadlock or lock timeout (also a deadlock, MySQL/MariaDB 1213,
 * that reaches here in a wrapper Spring does not translate, such as the engine's). Each attempt is a transaction of its
 * own, rolled back entirely when it loses; after {@value ConcurrentUpdateRetry#ATTEMPTS} attempts the
 * exception goes to {@code ApiErrors}, which answers 409.
 */
public final class ConcurrentUpdates {

	private static final Logger log = LoggerFactory.getLogger(ConcurrentUpdates.class);

	private ConcurrentUpdates() {
	}

	/** @param operation a call of a {@code @Transactional} method (not already inside a transaction) */
	public static <T> T retry(String what, Supplier<T> operation) {
		for (int attempt = 1;; attempt++) {
			try {
				return operation.get();
			} catch (RuntimeException conflict) {
				boolean concurrent = conflict instanceof OptimisticLockingException
						|| conflict instanceof ConcurrencyFailureException || DatabaseErrors.isDeadlock(conflict);
				if (!concurrent) {
					throw conflict;
				}
				if (attempt >= ConcurrentUpdateRetry.ATTEMPTS) {
					throw conflict instanceof OptimisticLockingException || conflict instanceof ConcurrencyFailureException
							? conflict : new org.springframework.dao.CannotAcquireLockException(conflict.getMessage(), conflict);
				}
				log.info("{} lost to a concurrent update (attempt {}); running it again: {}", what, attempt,
						conflict.getMessage());
				ConcurrentUpdateRetry.pause(attempt);
			}
		}
	}
}
