package com.retentiondesk.billing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The fields of a monthly usage row; file headers and JSON keys may be in English or Chinese. */
enum UsageColumn {
	CUSTOMER_NO(true, "客户编号", "customerNo", "customer_no"),
	MONTH(true, "月份", "month", "bill_month", "账期"),
	AMOUNT(true, "金额", "amount", "话费", "月话费"),
	CALLS(true, "通话次数", "calls", "call_count"),
	MINUTES(false, "通话分钟数", "minutes", "通话分钟"),
	PACKAGE_CODE(false, "套餐", "packageCode", "package_code", "套餐编码");

	final boolean required;
	final String chinese;
	private final List<String> names;

	UsageColumn(boolean required, String chinese, String... names) {
		this.required = required;
		this.chinese = chinese;
		this.names = List.of(names);
	}

	/** "客户编号/customerNo". */
	String label() {
		return chinese + "/" + names.get(0);
	}

	static Optional<UsageColumn> forName(String header) {
		String name = normal(header.replace("\uFEFF", ""));
		return Arrays.stream(values())
				.filter(c -> normal(c.chinese).equals(name) || c.names.stream().anyMatch(n -> normal(n).equals(name)))
				.findFirst();
	}

	private static String normal(String name) {
		return name.trim().replace("_", "").toLowerCase(Locale.ROOT);
	}
}
