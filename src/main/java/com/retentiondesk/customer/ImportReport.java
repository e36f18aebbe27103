package com.retentiondesk.customer;

import java.util.List;

/**
 * What a customer import did. Every row read is either created, updated, unchanged or rejected.
 *
 * @param rejected each rejected row with its line in the file (the header is line 1) and the reasons
 */
public record ImportReport(String file, int rowsRead, int created, int updated, int unchanged,
		List<RejectedRow> rejected) {

	public record RejectedRow(int line, String customerNo, String reason) {
	}
}
