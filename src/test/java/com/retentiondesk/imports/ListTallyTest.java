package com.retentiondesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one report of every list, counted in bounded memory (issue 23 point 4). */
class ListTallyTest {

	@Test
	void shouldCountEveryRowButListOnlyTheFirstThousandRejected() {
		ListTally tally = new ListTally();
		tally.read(2502);
		tally.created(1);
		tally.updated(1);
		for (int i = 0; i < 2500; i++) {
			tally.rejected(new ListReport.Row(i + 2, "C" + i, i % 2 == 0 ? "未知网络: 'GSM" + i + "'"
					: "缺少姓名/name; 未知网络: 'X'"));
		}

		ListReport report = tally.report("list.csv");

		assertThat(report.file()).isEqualTo("list.csv");
		assertThat(report.rowsRead()).isEqualTo(2502);
		assertThat(report.rejectedCount()).isEqualTo(2500);
		assertThat(report.rejected()).hasSize(ListTally.LISTED);
		assertThat(report.rejected().get(999).line()).isEqualTo(1001);
		// a row with two reasons counts under both kinds, the row's own values left out
		assertThat(report.rejectedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of("未知网络", 2500, "缺少姓名/name", 1250));
		assertThat(tally.progress()).isEqualTo(new ListTally.Progress(2502, 2, 0, 2500));
	}

	@Test
	void shouldCountUnchangedRowsWithTheirReasonsAndTakeTheExactCreatedCountAtTheEnd() {
		ListTally tally = new ListTally();
		tally.unchanged(3);
		tally.unchanged("已有未结的升级案件");
		tally.unchanged("文件中重复,已在第2行派单");
		tally.created(500);
		tally.created(500); // a chunk redone row by row counted twice in the progress
		tally.createdInAll(500);

		ListReport report = tally.report("d.csv");

		assertThat(report.unchanged()).isEqualTo(5);
		assertThat(report.unchangedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of("已有未结的升级案件", 1, "文件中重复", 1));
		assertThat(report.created()).isEqualTo(500);
	}

	@Test
	void shouldCountReasonsBeyondAHundredKindsAsOther() {
		ListTally tally = new ListTally();
		for (int i = 0; i < 150; i++) {
			tally.rejected(new ListReport.Row(i, null, "原因" + i));
		}
		assertThat(tally.report("x").rejectedByReason()).hasSize(ListTally.REASONS + 1)
				.containsEntry(ListTally.OTHER, 50);
	}
}
