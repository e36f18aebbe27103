package com.retentiondesk.customer;

import java.util.Arrays;
import java.util.Optional;

/** The columns of a BSS customer export; headers may be in English or Chinese. */
enum ImportColumn {
	CUSTOMER_NO("customer_no", "客户编号", true),
	NAME("name", "姓名", true),
	SERVICE_NO("service_no", "服务号码", true),
	NETWORK("network", "网络", true),
	SEGMENT("segment", "客户分群", false),
	STAR_LEVEL("star_level", "星级", true),
	PAYMENT_TYPE("payment_type", "付费类型", true),
	BALANCE("balance", "余额", true),
	ARREARS_MONTHS("arrears_months", "欠费月数", true),
	LINE_STATUS("line_status", "状态", true),
	MANAGER("manager", "电话经理", true),
	BIRTHDAY("birthday", "生日", false),
	ID_TYPE("id_type", "证件类型", false),
	ID_NO("id_no", "证件号码", false),
	ADDRESS("address", "地址", false),
	SECOND_PHONE("second_phone", "第二联系电话", false),
	EMAIL("email", "邮箱", false),
	AGREEMENT_TYPE("agreement_type", "协议类型", false),
	AGREEMENT_END("agreement_end", "协议到期", false),
	JOINED_ON("joined_on", "入网日期", false);

	final String english;
	final String chinese;
	final boolean required;

	ImportColumn(String english, String chinese, boolean required) {
		this.english = english;
		this.chinese = chinese;
		this.required = required;
	}

	String label() {
		return chinese + "/" + english;
	}

	static Optional<ImportColumn> forHeader(String header) {
		String name = header.replace("\uFEFF", "").trim();
		return Arrays.stream(values())
				.filter(c -> c.english.equalsIgnoreCase(name) || c.chinese.equals(name))
				.findFirst();
	}
}
