package com.retentiondesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.retentiondesk.contract.AgreementType;

/**
 * Reads one row of a customer export into {@link CustomerData}, collecting every problem of the row
 * as a reason a person understands (in Chinese, naming the column and the value found).
 */
class CustomerRowParser {

	private static final Pattern CUSTOMER_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
	private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{3,32}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	/** What the balance column (DECIMAL(12,2)) holds; the billing events have the same bound (BillingBounds). */
	private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999.99");
	private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("uuuu/M/d"), DateTimeFormatter.ofPattern("uuuu-M-d"),
			DateTimeFormatter.BASIC_ISO_DATE);
	private static final Map<String, Network> NETWORKS = Map.of("PHS", Network.PHS, "小灵通", Network.PHS,
			"CDMA", Network.CDMA, "C网", Network.CDMA);
	private static final Map<String, PaymentType> PAYMENT_TYPES = Map.of("PREPAID", PaymentType.PREPAID, "预付费",
			PaymentType.PREPAID, "POSTPAID", PaymentType.POSTPAID, "后付费", PaymentType.POSTPAID);
	private static final Map<String, LineStatus> LINE_STATUSES = Map.of("ACTIVE", LineStatus.ACTIVE, "正常",
			LineStatus.ACTIVE, "SINGLE_STOP", LineStatus.SINGLE_STOP, "单停", LineStatus.SINGLE_STOP, "DOUBLE_STOP",
			LineStatus.DOUBLE_STOP, "双停", LineStatus.DOUBLE_STOP, "CLOSED", LineStatus.CLOSED, "拆机",
			LineStatus.CLOSED);
	private static final Map<String, AgreementType> AGREEMENT_TYPES = Map.of("RECHARGE_BINDING",
			AgreementType.RECHARGE_BINDING, "充值绑定", AgreementType.RECHARGE_BINDING, "HANDSET_SUBSIDY",
			AgreementType.HANDSET_SUBSIDY, "终端补贴", AgreementType.HANDSET_SUBSIDY, "终端补贴协议",
			AgreementType.HANDSET_SUBSIDY);

	private final Map<ImportColumn, Integer> positions;
	private final Set<String> managers;
	private final LocalDate today;

	/**
	 * @param positions where each column of the file is
	 * @param managers  user ids of the phone managers a customer may be given to
	 */
	CustomerRowParser(Map<ImportColumn, Integer> positions, Set<String> managers, LocalDate today) {
		this.positions = new EnumMap<>(positions);
		this.managers = managers;
		this.today = today;
	}

	/** The customer number of a row as written, for reports of rejected rows. */
	String customerNo(List<String> cells) {
		return text(cells, ImportColumn.CUSTOMER_NO);
	}

	/** @return the row, or null when it has problems, which are then added to {@code reasons} */
	ImportedRow parse(int line, List<String> cells, List<String> reasons) {
		Row row = new Row(cells, reasons);
		String customerNo = row.required(ImportColumn.CUSTOMER_NO, 32);
		if (!customerNo.isEmpty() && !CUSTOMER_NO.matcher(customerNo).matches()) {
			reasons.add("客户编号只能包含字母、数字、- 和 _,最长32位: '" + customerNo + "'");
		}
		String name = row.required(ImportColumn.NAME, 100);
		String serviceNo = row.phone(ImportColumn.SERVICE_NO, true);
		Network network = row.oneOf(ImportColumn.NETWORK, NETWORKS, "PHS/小灵通 或 CDMA/C网", true);
		Segment segment = row.segment();
		Integer starLevel = row.integer(ImportColumn.STAR_LEVEL, 0, 7, "星");
		PaymentType paymentType = row.oneOf(ImportColumn.PAYMENT_TYPE, PAYMENT_TYPES, "PREPAID/预付费 或 POSTPAID/后付费",
				true);
		BigDecimal balance = row.money(ImportColumn.BALANCE);
		Integer arrearsMonths = row.integer(ImportColumn.ARREARS_MONTHS, 0, 240, "个月");
		LineStatus lineStatus = row.oneOf(ImportColumn.LINE_STATUS, LINE_STATUSES,
				"ACTIVE/正常, SINGLE_STOP/单停, DOUBLE_STOP/双停 或 CLOSED/拆机", true);
		String manager = row.required(ImportColumn.MANAGER, 64);
		if (!manager.isEmpty() && !managers.contains(manager)) {
			reasons.add("未知电话经理: '" + manager + "' 不是 phone-managers 组的用户");
		}
		LocalDate birthday = row.date(ImportColumn.BIRTHDAY);
		if (birthday != null && birthday.isAfter(today)) {
			reasons.add("生日不能在未来: " + birthday);
		}
		String idType = row.optional(ImportColumn.ID_TYPE, 32);
		String idNo = row.optional(ImportColumn.ID_NO, 32);
		String address = row.optional(ImportColumn.ADDRESS, 255);
		String secondPhone = row.phone(ImportColumn.SECOND_PHONE, false);
		String email = row.optional(ImportColumn.EMAIL, 128);
		if (email != null && !EMAIL.matcher(email).matches()) {
			reasons.add("邮箱格式错误: '" + email + "'");
		}
		AgreementType agreementType = row.oneOf(ImportColumn.AGREEMENT_TYPE, AGREEMENT_TYPES,
				"RECHARGE_BINDING/充值绑定 或 HANDSET_SUBSIDY/终端补贴", false);
		LocalDate agreementEnd = row.date(ImportColumn.AGREEMENT_END);
		LocalDate joinedOn = row.date(ImportColumn.JOINED_ON);
		if (joinedOn != null && joinedOn.isAfter(today)) {
			reasons.add("入网日期不能在未来: " + joinedOn);
		}
		if ((agreementType == null) != (agreementEnd == null) && !row.anyInvalid(ImportColumn.AGREEMENT_TYPE, ImportColumn.AGREEMENT_END)) {
			reasons.add("协议类型和协议到期必须同时填写或同时为空");
		}
		if (!reasons.isEmpty()) {
			return null;
		}
		CustomerData data = new CustomerData(customerNo, name, serviceNo, network, segment, starLevel, paymentType,
				balance, arrearsMonths, lineStatus, manager, birthday, idType, idNo, address, secondPhone, email, joinedOn);
		return new ImportedRow(line, data, agreementType, agreementEnd);
	}

	private String text(List<String> cells, ImportColumn column) {
		Integer position = positions.get(column);
		if (position == null || position >= cells.size() || cells.get(position) == null) {
			return "";
		}
		return cells.get(position).trim();
	}

	/** The cells of one row with the reasons found so far. */
	private final class Row {

		private final List<String> cells;
		private final List<String> reasons;
		// columns whose value was present but invalid: their problem is already reported
		private final List<ImportColumn> invalid = new ArrayList<>();

		Row(List<String> cells, List<String> reasons) {
			this.cells = cells;
			this.reasons = reasons;
		}

		boolean anyInvalid(ImportColumn... columns) {
			for (ImportColumn column : columns) {
				if (invalid.contains(column)) {
					return true;
				}
			}
			return false;
		}

		String required(ImportColumn column, int maxLength) {
			String value = text(cells, column);
			if (value.isEmpty()) {
				reasons.add("缺少" + column.label());
			} else if (value.length() > maxLength) {
				reasons.add(column.label() + "超过" + maxLength + "个字符");
				invalid.add(column);
			}
			return value;
		}

		String optional(ImportColumn column, int maxLength) {
			String value = text(cells, column);
			if (value.isEmpty()) {
				return null;
			}
			if (value.length() > maxLength) {
				reasons.add(column.label() + "超过" + maxLength + "个字符");
				invalid.add(column);
			}
			return value;
		}

		String phone(ImportColumn column, boolean required) {
			String value = required ? required(column, 32) : optional(column, 32);
			if (value != null && !value.isEmpty() && !PHONE.matcher(value).matches()) {
				reasons.add(column.label() + "不是电话号码: '" + value + "'");
				invalid.add(column);
			}
			return value;
		}

		<T> T oneOf(ImportColumn column, Map<String, T> allowed, String expected, boolean required) {
			String value = text(cells, column);
			if (value.isEmpty()) {
				if (required) {
					reasons.add("缺少" + column.label());
				}
				return null;
			}
			T found = allowed.get(value.toUpperCase());
			if (found == null) {
				found = allowed.get(value);
			}
			if (found == null) {
				reasons.add("未知" + column.label() + ": '" + value + "',应为 " + expected);
				invalid.add(column);
			}
			return found;
		}

		Segment segment() {
			String value = text(cells, ImportColumn.SEGMENT);
			if (value.isEmpty()) {
				return null;
			}
			return Segment.parse(value).orElseGet(() -> {
				reasons.add("未知客户分群: '" + value + "',应为 普1/CDMA_TIER1, 中高端/MID_HIGH_END 或 其他/OTHER");
				return null;
			});
		}

		Integer integer(ImportColumn column, int min, int max, String unit) {
			String value = text(cells, column);
			if (value.isEmpty()) {
				reasons.add("缺少" + column.label());
				return null;
			}
			String digits = value.endsWith(unit) ? value.substring(0, value.length() - unit.length()).trim() : value;
			try {
				int number = new BigDecimal(digits).intValueExact();
				if (number < min || number > max) {
					reasons.add(column.label() + "应在" + min + "到" + max + "之间: " + value
							+ (number < 0 ? " (不能为负数)" : ""));
					return null;
				}
				return number;
			} catch (NumberFormatException | ArithmeticException e) {
				reasons.add(column.label() + "不是整数: '" + value + "'");
				return null;
			}
		}

		BigDecimal money(ImportColumn column) {
			String value = text(cells, column).replace(",", "").replace("¥", "").replace("元", "").trim();
			if (value.isEmpty()) {
				reasons.add("缺少" + column.label());
				return null;
			}
			try {
				BigDecimal amount = new BigDecimal(value);
				if (amount.stripTrailingZeros().scale() > 2) {
					reasons.add(column.label() + "最多两位小数: " + value);
					return null;
				}
				if (amount.abs().compareTo(MAX_MONEY) > 0) {
					reasons.add(column.label() + "超出范围 (-9999999999.99 至 9999999999.99): " + value);
					return null;
				}
				return amount.setScale(2);
			} catch (NumberFormatException e) {
				reasons.add(column.label() + "不是金额: '" + value + "'");
				return null;
			}
		}

		LocalDate date(ImportColumn column) {
			String value = text(cells, column);
			if (value.isEmpty()) {
				return null;
			}
			for (DateTimeFormatter format : DATE_FORMATS) {
				try {
					return LocalDate.parse(value, format);
				} catch (DateTimeParseException e) {
					// try the next format
				}
			}
			reasons.add(column.label() + "日期格式错误: '" + value + "' (应为 yyyy-MM-dd)");
			invalid.add(column);
			return null;
		}
	}
}
