package com.retentiondesk.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The answer to an offer call (contract-expiry retention, PHS upgrade): accepted, thinking it over
 * (a callback date), declined (a reason, a competitor named or a text for OTHER) or unreachable. The
 * forms {@code expiry-call} and {@code upgrade-call} share these fields; each case adds its reasons.
 */
public record OfferCall(Result result, LocalDate callbackDate, String declineReason, String competitor, String notes) {

	/** What the customer answered. */
	public enum Result {
		ACCEPTED, THINKING, DECLINED, UNREACHABLE
	}

	/** What the process does next (its gateways read this). */
	public enum Next {
		ACCEPTED, CALL_AGAIN, DECLINED, UNREACHABLE
	}

	public static final String CALL_RESULT = "callResult";
	public static final String CALLBACK_DATE = "callbackDate";
	public static final String DECLINE_REASON = "declineReason";
	public static final String COMPETITOR_NAME = "competitorName";
	public static final String DECLINE_TEXT = "declineText";
	public static final String CALL_NOTES = "callNotes";
	/** The form fields, cleared after a call so the next call starts with an empty form. */
	public static final List<String> FIELDS = List.of(CALL_RESULT, CALLBACK_DATE, DECLINE_REASON, COMPETITOR_NAME,
			DECLINE_TEXT, CALL_NOTES);

	/**
	 * @param reasons the case's decline reasons, code to Chinese label; COMPETITOR and OTHER ask for a text
	 * @throws FormRejectedException with a Chinese message naming the field
	 */
	public static OfferCall parse(Map<String, Object> values, LocalDate today, Map<String, String> reasons) {
		Result result = FormValues.choice(values, CALL_RESULT, Result.class, "通话结果");
		if (result == null) {
			throw new FormRejectedException("请选择“通话结果”");
		}
		LocalDate callback = FormValues.date(values, CALLBACK_DATE, "约定回访日期");
		if (callback != null && (!callback.isAfter(today) || callback.isAfter(today.plusDays(60)))) {
			throw new FormRejectedException("“约定回访日期” " + callback + " 应在明天 (" + today.plusDays(1) + ") 到60天之内 (" + today.plusDays(60) + ")");
		}
		String reason = FormValues.text(values, DECLINE_REASON);
		if (reason != null && !reasons.containsKey(reason)) {
			throw new FormRejectedException("“拒绝原因”的值无效: " + reason);
		}
		String competitor = FormValues.text(values, COMPETITOR_NAME, "竞争对手及其优惠", 200);
		String text = FormValues.text(values, DECLINE_TEXT, "其他原因说明", 200);
		if (result == Result.DECLINED && reason == null) {
			throw new FormRejectedException("客户拒绝时请选择“拒绝原因”");
		}
		if ("COMPETITOR".equals(reason) && competitor == null) {
			throw new FormRejectedException("原因为“" + reasons.get(reason) + "”时请填写“竞争对手及其优惠”");
		}
		if ("OTHER".equals(reason) && text == null) {
			throw new FormRejectedException("原因为“其他”时请填写“其他原因说明”");
		}
		String notes = FormValues.text(values, CALL_NOTES, "通话备注", 1000);
		String label = result != Result.DECLINED ? null
				: "COMPETITOR".equals(reason) ? reasons.get(reason) + ": " + competitor
				: "OTHER".equals(reason) ? reasons.get(reason) + ": " + text
				: reasons.get(reason);
		return new OfferCall(result, result == Result.THINKING ? callback : null, label, competitor, notes);
	}
}
