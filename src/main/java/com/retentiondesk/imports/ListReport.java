package com.retentiondesk.imports;

import java.util.List;
import java.util.Map;

/**
 * What an uploaded list did, the same shape for every list (customer import, dispatch, monthly usage
 * feed): every data row read is created, updated, unchanged or rejected. Built by {@link ListTally}.
 *
 * @param file              the uploaded file's name
 * @param rowsRead          data rows read (the header not counted)
 * @param created           rows that created something (a customer, an upgrade case)
 * @param updated           rows that changed something that existed
 * @param unchanged         rows that changed nothing (the same data again, a customer already dispatched)
 * @param unchangedByReason why rows changed nothing, per kind of reason (empty when rows were simply the
 *                          same); a dispatch's skipped rows are counted here
 * @param rejectedCount     rows refused, all of them
 * @param rejectedByReason  refused rows per kind of reason (a row with two reasons counts under both)
 * @param rejected          the first {@value ListTally#LISTED} refused rows with their line (the header is
 *                          line 1) and reasons; the rest are only counted
 * @param conflicts         rows that brought another value for a field a manager had verified with the customer:
 *                          the verified value was kept (the first {@value ListTally#LISTED}); for the manager to
 *                          confirm on the next call (issue 28)
 */
public record ListReport(String file, int rowsRead, int created, int updated, int unchanged,
		Map<String, Integer> unchangedByReason, int rejectedCount, Map<String, Integer> rejectedByReason,
		List<Row> rejected, List<Conflict> conflicts) {

	/** A row of the file that was refused, and why. */
	public record Row(int line, String customerNo, String reason) {
	}

	/** A verified field the import would have changed: the verified value stays. {@code field} is its Chinese name. */
	public record Conflict(int line, String customerNo, String field, String verifiedValue, String importedValue) {
	}
}
