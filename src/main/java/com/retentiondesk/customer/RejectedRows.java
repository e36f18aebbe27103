package com.retentiondesk.customer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rejected rows of an uploaded file, in bounded memory however long the file: how many rows each
 * reason rejected, and the rows themselves for the first {@value #LISTED} only. A 50 MB file of bad rows
 * made a report of 80 MB built in memory before.
 *
 * @param <R> a rejected row as the report shows it
 */
public final class RejectedRows<R> {

	/** Rejected rows listed in a report; the rest are only counted. */
	public static final int LISTED = 1000;
	/** Distinct reasons counted; more (which the desk's checks never produce) are counted as {@value #OTHER}. */
	static final int REASONS = 100;
	static final String OTHER = "其他原因";

	private final List<R> listed = new ArrayList<>();
	private final Map<String, Integer> byReason = new LinkedHashMap<>();
	private int count;

	/**
	 * @param reasons the row's reasons, several joined by "; "; each counts once under its kind (the text
	 *                before the row's own values, see {@link #kind(String)})
	 */
	public void add(R row, String reasons) {
		count++;
		if (listed.size() < LISTED) {
			listed.add(row);
		}
		Set<String> kinds = new LinkedHashSet<>();
		for (String reason : reasons.split("; ")) {
			kinds.add(kind(reason));
		}
		for (String kind : kinds) {
			String key = byReason.containsKey(kind) || byReason.size() < REASONS ? kind : OTHER;
			byReason.merge(key, 1, Integer::sum);
		}
	}

	/** How many rows were rejected in all. */
	public int count() {
		return count;
	}

	/** The first {@value #LISTED} rejected rows, in the order they were rejected. */
	public List<R> listed() {
		return List.copyOf(listed);
	}

	/** Rows per kind of reason, in the order the kinds first appeared. */
	public Map<String, Integer> byReason() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(byReason));
	}

	/**
	 * A reason without the row's own values: "未知网络: 'GSM'" and "客户编号在文件中重复,已在第5行导入" count
	 * as "未知网络" and "客户编号在文件中重复".
	 */
	static String kind(String reason) {
		String kind = reason.strip();
		for (String separator : new String[] { ":", ":", "," }) {
			int at = kind.indexOf(separator);
			if (at > 0) {
				kind = kind.substring(0, at);
			}
		}
		return kind.strip();
	}
}
