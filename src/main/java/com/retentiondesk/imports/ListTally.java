package com.retentiondesk.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the rows of an uploaded list while they stream by, in bounded memory however long the list:
 * totals, rows per kind of reason, and the first {@value #LISTED} rejected rows only (a 50 MB file of bad
 * rows made a report of 80 MB built in memory before). Thread-safe: a dispatch opens its chunks on two
 * threads. {@link #report(String)} gives the {@link ListReport}; {@link #progress()} the counts so far.
 */
public final class ListTally {

	/** Rejected rows listed in a report; the rest are only counted. */
	public static final int LISTED = 1000;
	/** Distinct reasons counted; more (which the desk's checks never produce) are counted as {@value #OTHER}. */
	static final int REASONS = 100;
	static final String OTHER = "其他原因";

	/** The counts so far, for a job's state: opened = created + updated, skipped = unchanged. */
	public record Progress(int rowsRead, int opened, int skipped, int rejected) {
	}

	private final List<ListReport.Row> listed = new ArrayList<>();
	private final List<ListReport.Conflict> conflicts = new ArrayList<>();
	private final Map<String, Integer> rejectedByReason = new LinkedHashMap<>();
	private final Map<String, Integer> unchangedByReason = new LinkedHashMap<>();
	private int rowsRead;
	private int created;
	private int updated;
	private int unchanged;
	private int rejected;

	public synchronized void read(int rows) {
		rowsRead += rows;
	}

	public synchronized void created(int rows) {
		created += rows;
	}

	/** The exact count of rows that created something, once known (the progress may have counted a redone chunk twice). */
	public synchronized void createdInAll(int rows) {
		created = rows;
	}

	public synchronized void updated(int rows) {
		updated += rows;
	}

	/** Rows that changed nothing because they were the same again. */
	public synchronized void unchanged(int rows) {
		unchanged += rows;
	}

	/** A row that changed nothing for a reason worth telling (already dispatched, not a PHS customer). */
	public synchronized void unchanged(String reason) {
		unchanged++;
		count(unchangedByReason, reason);
	}

	/**
	 * @param row a rejected row; its reason may join several with "; ", each counted once under its kind
	 *            (the text before the row's own values, see {@link #kind(String)})
	 */
	public synchronized void rejected(ListReport.Row row) {
		rejected++;
		if (listed.size() < LISTED) {
			listed.add(row);
		}
		count(rejectedByReason, row.reason());
	}

	/** A verified value the list did not overwrite (the first {@value #LISTED} are listed). */
	public synchronized void conflict(ListReport.Conflict conflict) {
		if (conflicts.size() < LISTED) {
			conflicts.add(conflict);
		}
	}

	public synchronized int rejectedCount() {
		return rejected;
	}

	public synchronized Progress progress() {
		return new Progress(rowsRead, created + updated, unchanged, rejected);
	}

	public synchronized ListReport report(String file) {
		return new ListReport(file, rowsRead, created, updated, unchanged, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unchangedByReason)), rejected,
				java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rejectedByReason)), List.copyOf(listed),
				List.copyOf(conflicts));
	}

	private static void count(Map<String, Integer> byReason, String reasons) {
		Set<String> kinds = new LinkedHashSet<>();
		for (String reason : String.valueOf(reasons).split("; ")) {
			kinds.add(kind(reason));
		}
		for (String kind : kinds) {
			String key = byReason.containsKey(kind) || byReason.size() < REASONS ? kind : OTHER;
			byReason.merge(key, 1, Integer::sum);
		}
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
