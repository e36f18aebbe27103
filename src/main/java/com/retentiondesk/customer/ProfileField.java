package com.retentiondesk.customer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The profile fields a phone manager keeps on calls (用户资料收集). The five basics are what CDMA 普1 customers
 * must have complete (完备率 ≥ 80%) and verified (真实性 100%); e-mail is contact data, kept but never verified.
 */
public enum ProfileField {
	NAME("姓名", true, 100),
	ID_TYPE("证件类型", true, 32),
	ID_NO("证件号码", true, 32),
	ADDRESS("详细地址", true, 255),
	SECOND_PHONE("第二联系电话", true, 32),
	EMAIL("电子邮箱", false, 128);

	/** The five basic items (五项基本资料), in the order people read them. */
	public static final List<ProfileField> BASICS = Arrays.stream(values()).filter(f -> f.basic).toList();

	/** ID types a manager may choose (the forms' select; imports may bring others). */
	public static final List<String> ID_TYPES = List.of("身份证", "护照", "军官证", "港澳台居民来往通行证", "营业执照", "其他");

	private final String label;
	private final boolean basic;
	private final int maxLength;

	ProfileField(String label, boolean basic, int maxLength) {
		this.label = label;
		this.basic = basic;
		this.maxLength = maxLength;
	}

	/** The Chinese name shown to people. */
	public String label() {
		return label;
	}

	/** One of the five basics that count for completeness and are verified. */
	public boolean isBasic() {
		return basic;
	}

	public int maxLength() {
		return maxLength;
	}

	public static Optional<ProfileField> parse(String name) {
		return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst();
	}
}
