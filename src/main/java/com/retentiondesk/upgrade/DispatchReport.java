package com.retentiondesk.upgrade;

import java.util.List;
import java.util.Map;

import com.retentiondesk.customer.RejectedRows;

/**
 * What a dispatched list did: every data row is opened, skipped (with the reason) or rejected (with
 * the reason); lines count the header as line 1. Skipped and rejected rows are counted per reason and
 * listed up to the first {@value RejectedRows#LISTED} each, so the report stays small however long the list.
 */
public record DispatchReport(String file, String campaign, int rowsRead, int casesOpened, int skippedRows,
		Map<String, Integer> skippedByReason, List<Row> skipped, int rejectedRows, Map<String, Integer> rejectedByReason,
		List<Row> rejected) {

	public record Row(int line, String customerNo, String reason) {
	}
}
