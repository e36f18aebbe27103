package com.retentiondesk.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;

/**
 * Reads submitted form values for the server-side checks, rejecting malformed ones with Chinese
 * messages that name the field by its label.
 */
public final class FormValues {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private FormValues() {
	}

	/** A trimmed text, or null when absent or blank. */
	public static String text(Map<String, Object> values, String key) {
		Object value = values.get(key);
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

	/** A text of at most {@code maxLength} characters, or null. */
	public static String text(Map<String, Object> values, String key, String label, int maxLength) {
		String text = text(values, key);
		if (text != null && text.length() > maxLength) {
			throw new FormRejectedException("“" + label + "”不能超过" + maxLength + "个字");
		}
		return text;
	}

	/** One of an enum's values, or null when absent. */
	public static <E extends Enum<E>> E choice(Map<String, Object> values, String key, Class<E> type, String label) {
		String value = text(values, key);
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		} catch (IllegalArgumentException e) {
			throw new FormRejectedException("“" + label + "”的值无效: " + value);
		}
	}

	/** A date as form-js sends it ("2026-11-30", or a datetime), a Date from Java callers, or null. */
	public static LocalDate date(Map<String, Object> values, String key, String label) {
		Object value = values.get(key);
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof Date date) {
			return date.toInstant().atZone(SHANGHAI).toLocalDate();
		}
		String text = value.toString().trim();
		try {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		} catch (DateTimeParseException e) {
			throw new FormRejectedException("“" + label + "”格式错误: " + text + " (应为 yyyy-MM-dd)");
		}
	}
}
