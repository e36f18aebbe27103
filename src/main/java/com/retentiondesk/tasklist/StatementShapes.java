package com.retentiondesk.tasklist;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a statement text allows ({@link DuePage}, {@link KeyPage}, {@link BoundedPage}, {@link ActiveTerm}), worked
 * out once per text: the same few texts come all day, and matching patterns against 3-4 KB of SQL on every call
 * showed in the desk's CPU. At most {@link GrantCheckRewrite#MAX_PLANS} texts; the cache starts afresh beyond that.
 */
final class StatementShapes<T> {

	private final Map<String, T> shapes = new ConcurrentHashMap<>();
	private final Function<String, T> shape;

	StatementShapes(Function<String, T> shape) {
		this.shape = shape;
	}

	T of(String sql) {
		T found = shapes.get(sql);
		if (found == null) {
			if (shapes.size() >= GrantCheckRewrite.MAX_PLANS) {
				shapes.clear();
			}
			found = shape.apply(sql);
			shapes.put(sql, found);
		}
		return found;
	}
}
