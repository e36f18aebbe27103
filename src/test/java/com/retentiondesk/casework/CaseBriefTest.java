package com.retentiondesk.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The brief's three parts read back from the text they were written as. */
class CaseBriefTest {

	private static final String WINBACK = """
			客户: 王小明 (C1004)  3星
			号码: 13300001004  网络: C网 普1
			第二联系电话: 13900001004
			停机类型: 单停(呼出受限)  余额: ¥-12.00  欠费月数: 2
			备用联系电话: 13900001004
			最近联系:
			  2026-12-01 10:00 王芳 NOT_REACHED
			  2026-11-30 15:30 王芳 REACHED: 客户说
			最近联系 is not a case line here""";

	@Test
	void shouldReadBackTheThreePartsOfWhatItWrote() {
		CaseBrief brief = CaseBrief.parse(WINBACK);

		assertThat(brief.customerLines()).hasSize(3).first().asString().startsWith("客户: 王小明");
		assertThat(brief.caseLines()).containsExactly("停机类型: 单停(呼出受限)  余额: ¥-12.00  欠费月数: 2",
				"备用联系电话: 13900001004");
		assertThat(brief.contactLines()).hasSize(4).first().isEqualTo("最近联系:");
		assertThat(brief.text()).isEqualTo(WINBACK);
	}

	@Test
	void shouldKeepACaseLineThatLooksLikeACustomerLineAfterTheCaseLinesBegan() {
		CaseBrief brief = CaseBrief.parse("客户: 李 (C1)  1星\n号码: 1  网络: 小灵通\n到期协议: 终端补贴\n号码: 派单上的号码\n最近联系: 无");

		assertThat(brief.caseLines()).containsExactly("到期协议: 终端补贴", "号码: 派单上的号码");
		assertThat(brief.contactLines()).containsExactly("最近联系: 无");
	}

	@Test
	void shouldReplaceOrAddACaseLineByItsLabel() {
		CaseBrief brief = CaseBrief.parse(WINBACK).withCaseLine("备用联系电话", "13500000000");

		assertThat(brief.caseLines()).containsExactly("停机类型: 单停(呼出受限)  余额: ¥-12.00  欠费月数: 2",
				"备用联系电话: 13500000000");
		assertThat(brief.contactLines()).isEqualTo(CaseBrief.parse(WINBACK).contactLines());
		assertThat(CaseBrief.parse(null).withCaseLine("备用联系电话", "135").text()).isEqualTo("备用联系电话: 135");
	}

	@Test
	void shouldHaveNoLinesWithoutABrief() {
		assertThat(CaseBrief.parse(null)).isEqualTo(new CaseBrief(List.of(), List.of(), List.of()));
		assertThat(CaseBrief.parse(null).text()).isEmpty();
	}

	@Test
	void shouldKeepTheSpendChartWithTheCustomerAndTheCaseLinesApart() {
		String text = """
				客户: 王小明 (C1004)  3星
				号码: 13300001004  网络: C网 普1
				近6月话费(金额 / 通话次数):
				  2026-10    ¥100.00    40次  ██████████
				  2026-11     ¥60.00    12次  ██████
				话务下降: 2026-10 ¥100.00 (40次) → 2026-11 ¥60.00 (12次), 下降40.0%  第一阶段(降幅超过30%)
				最近联系: 无""";

		CaseBrief brief = CaseBrief.parse(text);

		assertThat(brief.customerLines()).hasSize(5).last().asString().startsWith("  2026-11");
		assertThat(brief.caseLines()).singleElement().asString().startsWith("话务下降");
		assertThat(brief.text()).isEqualTo(text);
	}

	@Test
	void shouldDrawTheSpendChartOldestFirstScaledToTheHighestMonth() {
		List<com.retentiondesk.billing.MonthlyBill> bills = new java.util.ArrayList<>();
		for (int month = 1; month <= 8; month++) {
			bills.add(new com.retentiondesk.billing.MonthlyBill("C1", java.time.YearMonth.of(2026, month),
					new java.math.BigDecimal(month * 10), month));
		}

		List<String> chart = CaseBriefs.spendChart(bills);

		assertThat(chart).containsExactly("近6月话费(金额 / 通话次数):",
				"  2026-03     ¥30.00     3次  ████", "  2026-04     ¥40.00     4次  █████",
				"  2026-05     ¥50.00     5次  ██████", "  2026-06     ¥60.00     6次  ████████",
				"  2026-07     ¥70.00     7次  █████████", "  2026-08     ¥80.00     8次  ██████████");
		assertThat(CaseBriefs.spendChart(List.of())).containsExactly("近6月话费: 无记录");
	}
}
