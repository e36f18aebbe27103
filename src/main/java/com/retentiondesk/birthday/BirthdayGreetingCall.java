package com.retentiondesk.birthday;

import java.util.Map;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;

/**
 * What {@code forms/birthday-greeting.form} records: the channel (phone or SMS), whether a call got through and a
 * note. No offer: a birthday greeting carries no sales pitch.
 */
record BirthdayGreetingCall(BirthdayGreeting.Channel channel, Boolean reached, String note) {

	static final int MAX_NOTE = 500;

	/** Whether the greeting goes out by SMS: chosen, or the call did not get through. */
	boolean bySms() {
		return channel == BirthdayGreeting.Channel.SMS || !reached;
	}

	/** @throws FormRejectedException with a Chinese message naming the field */
	static BirthdayGreetingCall parse(Map<String, Object> values) {
		BirthdayGreeting.Channel channel = FormValues.choice(values, BirthdayProcess.CHANNEL,
				BirthdayGreeting.Channel.class, "祝福方式");
		if (channel == null) {
			throw new FormRejectedException("请选择“祝福方式”");
		}
		Boolean reached = reached(values.get(BirthdayProcess.REACHED));
		String note = FormValues.text(values, BirthdayProcess.NOTE, "备注", MAX_NOTE);
		if (channel == BirthdayGreeting.Channel.PHONE && reached == null) {
			throw new FormRejectedException("电话祝福时请填写“电话已接通”");
		}
		if (channel == BirthdayGreeting.Channel.SMS && Boolean.TRUE.equals(reached)) {
			throw new FormRejectedException("选择短信祝福时不要勾选“电话已接通”(已接通请选择电话祝福)");
		}
		return new BirthdayGreetingCall(channel, channel == BirthdayGreeting.Channel.SMS ? null : reached, note);
	}

	/** The flag as a checkbox (Boolean) or a REST caller ("true"/"false") sends it, or null. */
	private static Boolean reached(Object value) {
		if (value instanceof Boolean flag) {
			return flag;
		}
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value.toString().equals("true") || value.toString().equals("false")) {
			return Boolean.valueOf(value.toString());
		}
		throw new FormRejectedException("“电话已接通”的值无效: " + value);
	}
}
