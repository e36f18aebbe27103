package com.retentiondesk.upgrade;

import java.util.List;

/**
 * What a dispatched list did: every data row is opened, skipped (with the reason) or rejected (with
 * the reason); lines count the header as line 1.
 */
public record DispatchReport(String file, String campaign, int rowsRead, int casesOpened, List<Row> skipped,
		List<Row> rejected) {

	public record Row(int line, String customerNo, String reason) {
	}
}
