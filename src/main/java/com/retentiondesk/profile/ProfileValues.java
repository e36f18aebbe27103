package com.retentiondesk.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.customer.ProfileField;

/**
 * Reads profile values from a submitted form, rejecting malformed ones with Chinese messages naming the
 * field (form-js checks in the browser only, in English). A blank field means "no change".
 */
final class ProfileValues {

	private static final Pattern PHONE = Pattern.compile("[0-9][0-9-]{5,19}");
	private static final Pattern RESIDENT_ID = Pattern.compile("\\d{15}|\\d{17}[0-9Xx]");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private ProfileValues() {
	}

	/**
	 * @param keys the form's key of each field
	 * @return the non-blank values, trimmed (an 身份证 number's x in upper case)
	 * @throws FormRejectedException naming the field
	 */
	static Map<ProfileField, String> read(Map<String, Object> values, Map<ProfileField, String> keys) {
		Map<ProfileField, String> read = new LinkedHashMap<>();
		keys.forEach((field, key) -> {
			String value = FormValues.text(values, key, field.label(), field.maxLength());
			if (value != null) {
				read.put(field, value);
			}
		});
		String idType = read.get(ProfileField.ID_TYPE);
		if (idType != null && !ProfileField.ID_TYPES.contains(idType)) {
			throw new FormRejectedException("“" + ProfileField.ID_TYPE.label() + "”的值无效: " + idType + " (可选: "
					+ String.join("、", ProfileField.ID_TYPES) + ")");
		}
		String idNo = read.get(ProfileField.ID_NO);
		if (idNo != null && "身份证".equals(idType != null ? idType : null) && !RESIDENT_ID.matcher(idNo).matches()) {
			throw new FormRejectedException("“" + ProfileField.ID_NO.label() + "”不是有效的身份证号码: " + idNo
					+ " (应为18位,最后一位可为X)");
		}
		if (idNo != null && "身份证".equals(idType)) {
			read.put(ProfileField.ID_NO, idNo.toUpperCase(java.util.Locale.ROOT));
		}
		String phone = read.get(ProfileField.SECOND_PHONE);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			throw new FormRejectedException("“" + ProfileField.SECOND_PHONE.label() + "”格式错误: " + phone
					+ " (应为6-20位数字,可含“-”)");
		}
		String email = read.get(ProfileField.EMAIL);
		if (email != null && !EMAIL.matcher(email).matches()) {
			throw new FormRejectedException("“" + ProfileField.EMAIL.label() + "”格式错误: " + email);
		}
		return read;
	}

	/** Whether a checkbox was ticked (form-js sends a Boolean; REST callers may send "true"). */
	static boolean ticked(Map<String, Object> values, String key) {
		Object value = values.get(key);
		return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
	}
}
