package com.retentiondesk.care;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.FormValues;
import com.retentiondesk.casework.TaskFormRules;

/**
 * The server-side rules of {@code forms/care-batch-confirm.form} ({@code Task_ConfirmHolidayBatch},
 * {@code Task_ConfirmWeatherBatch}): whether to send is required; the customers taken out must be customer
 * numbers of this manager's part of the batch; the note is at most 500 characters.
 */
@Component
class ConfirmBatchForm implements TaskFormRules {

	private final CareBatches batches;

	ConfirmBatchForm(CareBatches batches) {
		this.batches = batches;
	}

	@Override
	public Set<String> taskDefinitionKeys() {
		return Set.of(CareProcess.TASK_CONFIRM_HOLIDAY, CareProcess.TASK_CONFIRM_WEATHER);
	}

	@Override
	public void check(Map<String, Object> values) {
		if (send(values.get(CareProcess.SEND)) == null) {
			throw new FormRejectedException("请选择“是否发送”");
		}
		FormValues.text(values, CareProcess.CONFIRM_NOTE, "说明", 500);
		Set<String> excluded = excluded(values.get(CareProcess.EXCLUDED));
		long batchId = ((Number) values.get(CareProcess.BATCH_ID)).longValue();
		Set<String> unknown = batches.notInBatch(batchId, String.valueOf(values.get(CareProcess.MANAGER_ID)), excluded);
		if (!unknown.isEmpty()) {
			throw new FormRejectedException("“不发送的客户”中有不在你本批次名单里的客户编号: " + String.join("、", unknown));
		}
	}

	static Boolean send(Object value) {
		if (value instanceof Boolean flag) {
			return flag;
		}
		if (value != null && (value.toString().equals("true") || value.toString().equals("false"))) {
			return Boolean.valueOf(value.toString());
		}
		if (value != null && !value.toString().isBlank()) {
			throw new FormRejectedException("“是否发送”的值无效: " + value);
		}
		return null;
	}

	/** Customer numbers separated by commas (also ，、), spaces or lines. */
	static Set<String> excluded(Object value) {
		if (value == null || value.toString().isBlank()) {
			return Set.of();
		}
		Set<String> numbers = new LinkedHashSet<>(Arrays.asList(value.toString().trim().split("[,，、;；\\s]+")));
		numbers.remove("");
		return numbers;
	}
}
