package com.retentiondesk.web;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Optimistic-locking conflicts of a person's request are retried, not shown as an error 500: when a
 * manager completes a call in Tasklist (or over {@code /engine-rest}) at the moment the call's
 * escalation timer fires, one of the two transactions loses with an {@link OptimisticLockingException}.
 * The engine retries a losing job by itself; for a request, an interceptor in front of the engine's
 * transaction runs the whole command again (its transaction was rolled back entirely), up to
 * {@value #ATTEMPTS} times, and then answers 409 with a message a person understands.
 * <p>
 * Only outermost commands outside any surrounding transaction are retried: a command that joins a
 * Spring transaction (the desk's own services) cannot be rerun alone, so the services retry the whole
 * transaction instead ({@link ConcurrentUpdates}); jobs are left to the job executor.
 */
@Component
class ConcurrentUpdateRetry extends AbstractProcessEnginePlugin {

	static final int ATTEMPTS = 3;
	static final String CONFLICT_MESSAGE = "该案件刚被另一操作(定时器、缴费或其他用户)同时修改,已自动重试仍冲突,请刷新后重试。"
			+ " The case was changed by another action at the same moment; please reload and try again.";

	private static final Logger log = LoggerFactory.getLogger(ConcurrentUpdateRetry.class);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>());
		}
		// first, so that a retry runs the other interceptors (form checks) again too
		configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new Interceptor());
	}

	static final class Interceptor extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (Context.getCommandContext() != null || Context.getJobExecutorContext() != null
					|| TransactionSynchronizationManager.isActualTransactionActive()) {
				return next.execute(command);
			}
			for (int attempt = 1;; attempt++) {
				try {
					return next.execute(command);
				} catch (OptimisticLockingException conflict) {
					if (attempt >= ATTEMPTS) {
						log.warn("{} lost to a concurrent update {} times; answering 409: {}",
								command.getClass().getSimpleName(), attempt, conflict.getMessage());
						throw new RestException(Response.Status.CONFLICT, conflict, CONFLICT_MESSAGE);
					}
					log.info("{} lost to a concurrent update (attempt {}); running it again: {}",
							command.getClass().getSimpleName(), attempt, conflict.getMessage());
					pause(attempt);
				}
			}
		}
	}

	static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100) * attempt);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
