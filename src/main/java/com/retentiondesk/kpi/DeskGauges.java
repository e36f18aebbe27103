package com.retentiondesk.kpi;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseType;

/**
 * Gauges read at every scrape of {@code /actuator/prometheus}: open cases per type and open call tasks
 * past their due date (the supervisors' escalation tasks not counted).
 */
@Component
class DeskGauges {

	DeskGauges(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
		Gauge.builder("desk.tasks.overdue", () -> jdbc.queryForObject(
				"select count(*) from ACT_RU_TASK where DUE_DATE_ < ? and TASK_DEF_KEY_ not like 'Task_Escalat%'",
				Long.class, Timestamp.valueOf(LocalDateTime.now(clock))))
				.description("open call tasks past their due date")
				.register(registry);
		for (CaseType type : CaseType.values()) {
			Gauge.builder("desk.cases.open", () -> jdbc.queryForObject(
					"select count(*) from retention_case where open_flag = 1 and case_type = ?", Long.class, type.name()))
					.tag("type", type.name())
					.description("open retention cases")
					.register(registry);
		}
	}
}
