package com.retentiondesk.inbound;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseFiles;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.contact.CompetitorReport;
import com.retentiondesk.contact.CompetitorReports;
import com.retentiondesk.customer.Customer;

/**
 * Records an inbound call and gives the phone manager what it leaves to do: a call-back when the front desk took
 * the call, the result to tell for a fault report or complaint. Both are one {@link CaseType#INBOUND_CALLBACK}
 * case per customer while it is open; a later call of the same customer joins the open case (a comment on its
 * open task, and the result to tell if the new call is a fault or complaint) instead of opening a second.
 */
@Service
class InboundCallbacks {

	/** What the CTI reports; {@code at} is the time of the call (Asia/Shanghai), now if absent. */
	record Report(String serviceNo, LocalDateTime at, InboundCall.TakenBy takenBy, InboundCall.Topic topic,
			String notes, String handsetProblem, String packageSuggestion, String competitorNews) {
	}

	/** What became of a reported call. {@code duplicate}: the same number at the same time was recorded before. */
	record Recorded(long id, String customerNo, String managerId, String takenBy, String topic, Long caseId,
			boolean callback, boolean tellOutcome, boolean duplicate) {
	}

	private static final Logger log = LoggerFactory.getLogger(InboundCallbacks.class);
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private final InboundCalls calls;
	private final CaseFiles files;
	private final RetentionCases cases;
	private final CompetitorReports competitors;
	private final RuntimeService runtime;
	private final TaskService tasks;
	private final WorkCalendar calendar;
	private final InboundSettings settings;
	private final Clock clock;

	InboundCallbacks(InboundCalls calls, CaseFiles files, RetentionCases cases, CompetitorReports competitors,
			RuntimeService runtime, TaskService tasks, WorkCalendar calendar, InboundSettings settings, Clock clock) {
		this.calls = calls;
		this.files = files;
		this.cases = cases;
		this.competitors = competitors;
		this.runtime = runtime;
		this.tasks = tasks;
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	Recorded record(Customer customer, Report report, String recordedBy) {
		Optional<InboundCall> known = calls.findByServiceNoAndCalledAt(report.serviceNo(), report.at());
		if (known.isPresent()) {
			return recorded(known.get(), true);
		}
		LocalDateTime now = LocalDateTime.now(clock);
		InboundCall call = calls.save(new InboundCall(report.serviceNo(), customer.getCustomerNo(), customer.getManagerId(),
				report.at(), report.takenBy(), report.topic(), report.notes(), report.handsetProblem(),
				report.packageSuggestion(), report.competitorNews(), recordedBy, now));
		boolean callback = report.takenBy() == InboundCall.TakenBy.FRONT_DESK;
		boolean tell = report.topic().needsOutcome();
		if ((callback || tell) && customer.getManagerId() == null) {
			log.warn("inbound call {} of customer {}: no phone manager, nothing to call back", call.getId(),
					customer.getCustomerNo());
		} else if (callback || tell) {
			Optional<RetentionCase> open = cases.findOpen(customer.getCustomerNo(), CaseType.INBOUND_CALLBACK);
			RetentionCase file = open.isPresent() ? join(open.get(), call) : open(customer, call, callback, tell);
			call.belongsTo(file.getId());
		}
		if (report.competitorNews() != null) {
			competitors.save(new CompetitorReport(customer.getCustomerNo(), call.getCaseId(), null,
					report.competitorNews(), recordedBy, now));
		}
		return recorded(call, false);
	}

	private RetentionCase open(Customer customer, InboundCall call, boolean callback, boolean tell) {
		Instant calledAt = call.getCalledAt().atZone(calendar.zone()).toInstant();
		Map<String, Object> variables = new HashMap<>();
		variables.put(InboundProcess.NEEDS_CALLBACK, callback);
		variables.put(InboundProcess.TELL_OUTCOME, tell);
		variables.put(InboundProcess.TOPIC, call.getTopic().name());
		variables.put(InboundProcess.UNREACHABLE_ATTEMPTS, 0);
		variables.put(InboundProcess.CALL_DUE, Date.from(calendar.addCallingTime(calledAt, settings.callbackWithin())));
		variables.put(InboundProcess.OUTCOME_DUE, Date.from(outcomeDue(call.getCalledAt().toLocalDate())));
		return files.open(CaseType.INBOUND_CALLBACK, InboundProcess.PROCESS_KEY, customer, lines(call), variables);
	}

	/** The end of calling on the N-th working day after the day of the call. */
	private Instant outcomeDue(LocalDate calledOn) {
		LocalDate day = calledOn;
		for (int i = 0; i < settings.tellOutcomeWorkingDays(); i++) {
			day = calendar.nextWorkingDay(day);
		}
		return calendar.endOfWorkingDay(calendar.startOfCalling(day));
	}

	/** Another call of a customer whose case is open: the manager sees it on the open task. */
	private RetentionCase join(RetentionCase file, InboundCall call) {
		String processInstanceId = file.getProcessInstanceId();
		if (call.getTopic().needsOutcome()) {
			runtime.setVariable(processInstanceId, InboundProcess.TELL_OUTCOME, true);
		}
		String comment = "客户再次来电: " + String.join("; ", lines(call));
		for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
			tasks.createComment(task.getId(), processInstanceId, comment);
		}
		return file;
	}

	/** The lines of the brief about one call. */
	static List<String> lines(InboundCall call) {
		List<String> lines = new ArrayList<>();
		lines.add("来电: " + WHEN.format(call.getCalledAt()) + " " + call.getTopic().label() + ", "
				+ (call.getTakenBy() == InboundCall.TakenBy.MANAGER ? "电话经理已接听" : "10000前台接听(经理未接听,需回电)"));
		add(lines, "客户说明", call.getNotes());
		add(lines, "手机问题", call.getHandsetProblem());
		add(lines, "套餐建议", call.getPackageSuggestion());
		add(lines, "竞争对手动态", call.getCompetitorNews());
		return lines;
	}

	private static void add(List<String> lines, String label, String text) {
		if (text != null) {
			lines.add(label + ": " + text);
		}
	}

	private static Recorded recorded(InboundCall call, boolean duplicate) {
		return new Recorded(call.getId(), call.getCustomerNo(), call.getManagerId(), call.getTakenBy().name(),
				call.getTopic().name(), call.getCaseId(), call.getTakenBy() == InboundCall.TakenBy.FRONT_DESK,
				call.getTopic().needsOutcome(), duplicate);
	}
}
