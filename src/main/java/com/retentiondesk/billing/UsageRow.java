package com.retentiondesk.billing;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One checked row of the monthly usage feed. {@link #parse} names every problem of a row in Chinese,
 * so a rejected row says all that is wrong with it at once. Plain Java.
 */
record UsageRow(int line, String customerNo, YearMonth month, BigDecimal amount, int calls, Integer minutes,
		String packageCode) {

	private static final Pattern CUSTOMER_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
	/** 2026-11, 2026/11, 202611, and a date in the month (Excel turns 2026-11 into 2026-11-01). */
	private static final Pattern MONTH = Pattern.compile("(\\d{4})[-/]?(\\d{1,2})(?:[-/]\\d{1,2})?");

	/**
	 * @param values       the row's fields (null or blank: absent)
	 * @param currentMonth the month of today: a later month cannot have a bill yet
	 * @param packages     the catalogue's package codes
	 * @param reasons      receives the row's problems; the row is null when there are any
	 */
	static UsageRow parse(int line, Map<UsageColumn, String> values, YearMonth currentMonth, Set<String> packages,
			List<String> reasons) {
		String customerNo = text(values, UsageColumn.CUSTOMER_NO);
		if (customerNo == null) {
			reasons.add("缺少客户编号");
		} else if (!CUSTOMER_NO.matcher(customerNo).matches()) {
			reasons.add("客户编号只能包含字母、数字、- 和 _(最多32位): '" + customerNo + "'");
		}
		YearMonth month = month(text(values, UsageColumn.MONTH), currentMonth, reasons);
		BigDecimal amount = amount(text(values, UsageColumn.AMOUNT), reasons);
		Integer calls = count(text(values, UsageColumn.CALLS), "通话次数", true, reasons);
		Integer minutes = count(text(values, UsageColumn.MINUTES), "通话分钟数", false, reasons);
		String packageCode = text(values, UsageColumn.PACKAGE_CODE);
		if (packageCode != null && !packages.contains(packageCode)) {
			reasons.add("未知套餐: '" + packageCode + "'(套餐目录中没有)");
		}
		return reasons.isEmpty() ? new UsageRow(line, customerNo, month, amount, calls, minutes, packageCode) : null;
	}

	private static String text(Map<UsageColumn, String> values, UsageColumn column) {
		String value = values.get(column);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static YearMonth month(String text, YearMonth currentMonth, List<String> reasons) {
		if (text == null) {
			reasons.add("缺少月份");
			return null;
		}
		Matcher m = MONTH.matcher(text);
		YearMonth month = null;
		if (m.matches()) {
			try {
				month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
			} catch (DateTimeException e) {
				month = null;
			}
		}
		if (month == null) {
			reasons.add("月份格式错误: '" + text + "'(应为 2026-11)");
		} else if (month.isAfter(currentMonth)) {
			reasons.add("月份不能在未来: " + month + "(本月为 " + currentMonth + ")");
			month = null;
		}
		return month;
	}

	private static BigDecimal amount(String text, List<String> reasons) {
		if (text == null) {
			reasons.add("缺少金额");
			return null;
		}
		BigDecimal amount;
		try {
			amount = new BigDecimal(text.replace(",", ""));
		} catch (NumberFormatException e) {
			reasons.add("金额不是数字: '" + text + "'");
			return null;
		}
		if (amount.signum() < 0) {
			reasons.add("金额不能为负数: " + text);
			return null;
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			reasons.add("金额最多两位小数: " + text);
			return null;
		}
		if (amount.compareTo(new BigDecimal("9999999999")) > 0) {
			reasons.add("金额过大: " + text);
			return null;
		}
		return amount.setScale(2);
	}

	private static Integer count(String text, String label, boolean required, List<String> reasons) {
		if (text == null) {
			if (required) {
				reasons.add("缺少" + label);
			}
			return null;
		}
		try {
			// Excel may show a whole number as 12.0
			BigDecimal value = new BigDecimal(text).stripTrailingZeros();
			if (value.signum() >= 0 && value.scale() <= 0 && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
				return value.intValueExact();
			}
		} catch (NumberFormatException | ArithmeticException e) {
			// reported below
		}
		reasons.add(label + "应为0或正整数: '" + text + "'");
		return null;
	}
}
