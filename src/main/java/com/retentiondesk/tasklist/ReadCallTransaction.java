package com.retentiondesk.tasklist;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tasklist's reading calls on a filter (its page of tasks, its counts) in one database transaction. The REST
 * layer runs several engine commands for one such call (the filter itself, the page, the count, the
 * variables of the page's tasks) and the engine opens a transaction for each: nine connection check-outs
 * per page (measured, {@code ReadCallTransactionTest}) and 12 of its 34 statements {@code SET autocommit} or
 * {@code COMMIT}. In one transaction the commands join it, and the customer columns ({@link TaskListColumns})
 * are read in it too: one connection, 25 statements.
 * <p>
 * Only these reads: {@code /filter/{id}/list} and {@code /filter/{id}/count} (GET or POST) and the filter
 * list with its counts ({@code GET /filter}), on both REST paths. The transaction is committed unless a
 * command failed (then rolled back: the engine has marked it so, and a read has nothing to keep).
 * {@code desk.tasklist.read-transaction=false} turns it off.
 */
final class ReadCallTransaction extends OncePerRequestFilter {

	private static final Pattern READS = Pattern.compile(
			"^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/filter(?:/[^/]+/(?:list|count))?$");

	private final PlatformTransactionManager transactions;

	ReadCallTransaction(PlatformTransactionManager transactions) {
		this.transactions = transactions;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// POST on list and count only carries the query (a filter is created by POST /filter/create)
		String method = request.getMethod();
		return !("GET".equals(method) || "POST".equals(method))
				|| !READS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		TransactionStatus status = transactions.getTransaction(new DefaultTransactionDefinition());
		boolean done = false;
		try {
			chain.doFilter(request, response);
			done = true;
		} finally {
			if (done && !status.isRollbackOnly()) {
				transactions.commit(status);
			} else {
				transactions.rollback(status);
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<ReadCallTransaction> readCallTransaction(PlatformTransactionManager transactions,
				@Value("${desk.tasklist.read-transaction:true}") boolean enabled) {
			FilterRegistrationBean<ReadCallTransaction> registration = new FilterRegistrationBean<>(
					new ReadCallTransaction(transactions));
			registration.addUrlPatterns("/engine-rest/filter", "/engine-rest/filter/*", "/camunda/api/engine/*");
			registration.setName("read-call-transaction");
			// around the customer columns (TaskListColumns, the lowest precedence), so that their query joins it
			registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
			registration.setEnabled(enabled);
			return registration;
		}
	}
}
