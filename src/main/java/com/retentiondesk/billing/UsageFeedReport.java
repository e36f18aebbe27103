package com.retentiondesk.billing;

import java.util.List;
import java.util.Map;

/**
 * What a monthly usage feed did: every row read is created, updated, unchanged or rejected. The shape
 * of the desk's list reports (issue 23): {@code rejectedByReason} counts the rows per kind of reason,
 * {@code rejected} lists the first {@value com.retentiondesk.customer.RejectedRows#LISTED} with their
 * line (a file's header is line 1; in a JSON array the first element is line 1).
 */
public record UsageFeedReport(String file, int rowsRead, int created, int updated, int unchanged, int rejectedCount,
		Map<String, Integer> rejectedByReason, List<RejectedRow> rejected) {

	public record RejectedRow(int line, String customerNo, String reason) {
	}
}
