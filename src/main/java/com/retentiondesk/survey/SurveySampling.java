package com.retentiondesk.survey;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import com.retentiondesk.calendar.WorkCalendar;

/**
 * Samples the customers of the monthly satisfaction survey and opens a {@code CustomerSurveyProcess} for
 * each: of every manager's customers reached by an outbound call (a case's phone call whose outcome is not
 * "not reached", as the KPI ledger counts {@code reached}) in the month, {@code desk.survey.sample-rate}
 * (default 0.10) rounded up ({@link SurveyPolicy}). The draw is random but repeatable (seeded by month and
 * manager), and a customer who already has a survey for the month gets no second one, so running the
 * sampling again opens nothing new.
 */
@Service
public class SurveySampling {

	private static final Logger log = LoggerFactory.getLogger(SurveySampling.class);

	/** A customer reached in the month, with the manager who serves them. */
	record Reached(String customerNo, String name, String serviceNo, String managerId) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final RuntimeService runtime;
	private final HistoryService history;
	private final WorkCalendar calendar;
	private final Clock clock;
	private final BigDecimal rate;

	SurveySampling(NamedParameterJdbcTemplate jdbc, RuntimeService runtime, HistoryService history,
			WorkCalendar calendar, Clock clock, @Value("${desk.survey.sample-rate:0.10}") BigDecimal rate) {
		SurveyPolicy.sampleSize(1, rate); // refuse a wrong rate at start-up
		this.jdbc = jdbc;
		this.runtime = runtime;
		this.history = history;
		this.calendar = calendar;
		this.clock = clock;
		this.rate = rate;
	}

	/** Each manager's customers reached by an outbound call in the month, by manager id. */
	Map<String, List<Reached>> reachedIn(YearMonth month) {
		Map<String, Object> range = Map.of("from", Timestamp.valueOf(month.atDay(1).atStartOfDay()), "to",
				Timestamp.valueOf(month.plusMonths(1).atDay(1).atStartOfDay()));
		Map<String, List<Reached>> byManager = new LinkedHashMap<>();
		jdbc.query("select distinct c.customer_no, c.name, c.service_no, c.manager_id from contact_attempt a "
				+ "join customer c on c.customer_no = a.customer_no where a.channel = 'PHONE' and a.case_id is not null "
				+ "and a.outcome not in ('NOT_REACHED', 'UNREACHABLE') and a.attempted_at >= :from and a.attempted_at < :to "
				+ "order by c.manager_id, c.customer_no", range,
				row -> {
					Reached reached = new Reached(row.getString(1), row.getString(2), row.getString(3), row.getString(4));
					byManager.computeIfAbsent(reached.managerId(), m -> new ArrayList<>()).add(reached);
				});
		return byManager;
	}

	/** The customers to survey: {@link SurveyPolicy#sampleSize} of each manager's, drawn at random. */
	Map<String, List<Reached>> sample(YearMonth month) {
		Map<String, List<Reached>> sampled = new LinkedHashMap<>();
		reachedIn(month).forEach((managerId, customers) -> {
			List<Reached> drawn = new ArrayList<>(customers);
			Collections.shuffle(drawn, new Random((month + "/" + managerId).hashCode()));
			sampled.put(managerId, List.copyOf(drawn.subList(0, SurveyPolicy.sampleSize(customers.size(), rate))));
		});
		return sampled;
	}

	/** Samples the month and opens the surveys; returns how many were opened. */
	public int run(YearMonth month) {
		LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
		LocalDate dueDay = SurveyPolicy.dueDay(today);
		// 20:00, the end of the default calling hours, on the 10th itself even when it is a rest day: 10000's
		// front desk works every day, and the seed asks for the survey within the first ten days
		Date due = Date.from(dueDay.atTime(20, 0).atZone(calendar.zone()).toInstant());
		int opened = 0;
		for (List<Reached> customers : sample(month).values()) {
			for (Reached customer : customers) {
				if (alreadySurveyed(customer.customerNo(), month)) {
					continue;
				}
				Map<String, Object> variables = new HashMap<>();
				variables.put(SurveyProcess.CUSTOMER_NO, customer.customerNo());
				variables.put(SurveyProcess.CUSTOMER_NAME, customer.name());
				variables.put(SurveyProcess.SERVICE_NO, customer.serviceNo());
				variables.put(SurveyProcess.MANAGER_ID, customer.managerId());
				variables.put(SurveyProcess.SURVEY_MONTH, month.toString());
				variables.put(SurveyProcess.SURVEY_DUE, due);
				variables.put(SurveyProcess.SURVEY_CUSTOMER,
						customer.name() + "(客户编号 " + customer.customerNo() + ",服务号码 " + customer.serviceNo() + ")");
				runtime.startProcessInstanceByKey(SurveyProcess.CUSTOMER_PROCESS_KEY, customer.customerNo(), variables);
				opened++;
			}
		}
		log.info("satisfaction survey of {}: {} surveys opened, due {}", month, opened, dueDay);
		return opened;
	}

	private boolean alreadySurveyed(String customerNo, YearMonth month) {
		return history.createHistoricProcessInstanceQuery().processDefinitionKey(SurveyProcess.CUSTOMER_PROCESS_KEY)
				.processInstanceBusinessKey(customerNo).variableValueEquals(SurveyProcess.SURVEY_MONTH, month.toString())
				.count() > 0;
	}
}
