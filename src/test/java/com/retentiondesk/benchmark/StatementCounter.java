package com.retentiondesk.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A profile of what a benchmark phase sends to the database: wraps the desk's {@link DataSource} and
 * counts, per SQL statement, the round trips (an execute or an executeBatch), the rows sent in batches
 * and the time spent waiting for the driver; commits too. {@link #reset()} before a phase, read after.
 */
final class StatementCounter {

	/** Round trips, batched rows and nanoseconds of one statement text. */
	record Figures(String sql, long calls, long batchedRows, long nanos) {
	}

	private static final Map<String, LongAdder[]> BY_SQL = new ConcurrentHashMap<>();

	private StatementCounter() {
	}

	static void reset() {
		BY_SQL.clear();
	}

	static List<Figures> snapshot() {
		return BY_SQL.entrySet().stream()
				.map(e -> new Figures(e.getKey(), e.getValue()[0].sum(), e.getValue()[1].sum(), e.getValue()[2].sum()))
				.sorted(Comparator.comparingLong(Figures::nanos).reversed())
				.toList();
	}

	static long totalCalls() {
		return snapshot().stream().mapToLong(Figures::calls).sum();
	}

	static long totalNanos() {
		return snapshot().stream().mapToLong(Figures::nanos).sum();
	}

	private static void count(String sql, long calls, long rows, long nanos) {
		LongAdder[] figures = BY_SQL.computeIfAbsent(sql, s -> new LongAdder[] { new LongAdder(), new LongAdder(), new LongAdder() });
		figures[0].add(calls);
		figures[1].add(rows);
		figures[2].add(nanos);
	}

	/** The statement as a short key: whitespace folded, literals of IN lists and long texts cut. */
	private static String key(String sql) {
		String folded = sql.replaceAll("\\s+", " ").trim();
		folded = folded.replaceAll("\\(\\s*\\?(\\s*,\\s*\\?)+\\s*\\)", "(?...)");
		return folded.length() > 110 ? folded.substring(0, 110) + "..." : folded;
	}

	/** Registers the wrapper for every DataSource bean of the benchmark's context. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Install {

		@Bean
		static BeanPostProcessor statementCountingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
						return proxy(DataSource.class, dataSource, (target, method, args) -> {
							Object result = invoke(target, method, args);
							return result instanceof Connection c ? connection(c) : result;
						});
					}
					return bean;
				}
			};
		}
	}

	private static Connection connection(Connection connection) {
		return proxy(Connection.class, connection, (target, method, args) -> {
			String name = method.getName();
			if (name.equals("commit")) {
				long t = System.nanoTime();
				Object result = invoke(target, method, args);
				count("COMMIT", 1, 0, System.nanoTime() - t);
				return result;
			}
			Object result = invoke(target, method, args);
			if (result instanceof PreparedStatement p && args != null && args.length > 0 && args[0] instanceof String sql) {
				return statement(PreparedStatement.class, p, key(sql));
			}
			if (result instanceof Statement s && !(result instanceof PreparedStatement)) {
				return statement(Statement.class, s, null);
			}
			return result;
		});
	}

	private static <S extends Statement> S statement(Class<S> type, S statement, String preparedSql) {
		long[] pendingRows = { 0 };
		String[] lastSql = { preparedSql };
		return proxy(type, statement, (target, method, args) -> {
			String name = method.getName();
			if (name.equals("addBatch")) {
				pendingRows[0]++;
				if (args != null && args.length == 1 && args[0] instanceof String sql) {
					lastSql[0] = key(sql);
				}
				return invoke(target, method, args);
			}
			if (name.startsWith("execute")) {
				String sql = args != null && args.length > 0 && args[0] instanceof String s ? key(s) : lastSql[0];
				long t = System.nanoTime();
				Object result = invoke(target, method, args);
				long rows = name.equals("executeBatch") || name.equals("executeLargeBatch") ? pendingRows[0] : 0;
				pendingRows[0] = 0;
				count(sql == null ? "?" : sql, 1, rows, System.nanoTime() - t);
				return result;
			}
			return invoke(target, method, args);
		});
	}

	private interface Handler {
		Object handle(Object target, Method method, Object[] args) throws Throwable;
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, Handler handler) {
		InvocationHandler h = (p, method, args) -> {
			if (method.getName().equals("equals") && args != null && args.length == 1) {
				return p == args[0];
			}
			if (method.getName().equals("hashCode") && (args == null || args.length == 0)) {
				return System.identityHashCode(p);
			}
			if (method.getName().equals("unwrap") && args != null && args.length == 1 && args[0] instanceof Class<?> c
					&& c.isInstance(target)) {
				return target;
			}
			if (method.getName().equals("isWrapperFor") && args != null && args.length == 1 && args[0] instanceof Class<?> c
					&& c.isInstance(target)) {
				return true;
			}
			return handler.handle(target, method, args);
		};
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, h);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		} catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}
}
