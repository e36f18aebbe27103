package com.retentiondesk.customer;

import java.util.List;
import java.util.Map;

/**
 * What a customer import did. Every row read is either created, updated, unchanged or rejected.
 *
 * @param rejectedRows     how many rows were rejected
 * @param rejectedByReason how many rows each kind of reason rejected (a row with two reasons counts under both)
 * @param rejected         the first {@value RejectedRows#LISTED} rejected rows with their line in the file
 *                         (the header is line 1) and their reasons
 */
public record ImportReport(String file, int rowsRead, int created, int updated, int unchanged, int rejectedRows,
		Map<String, Integer> rejectedByReason, List<RejectedRow> rejected) {

	public record RejectedRow(int line, String customerNo, String reason) {
	}
}
