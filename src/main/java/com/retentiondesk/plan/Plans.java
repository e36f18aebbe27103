package com.retentiondesk.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.Staff;
import com.retentiondesk.casework.TeamCaseAccess;
import com.retentiondesk.casework.TeamSupervisors;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;

/**
 * A manager's monthly plan: drafted from the data the first time it is asked for ({@link PlanDrafts}), shown as a
 * workbook, and replaced by the manager's edited workbook, which starts the supervisor's review.
 */
@Service
class Plans {

	/** What an upload changed, and when the review is due. */
	record Submitted(String managerId, String month, String state, long items, long kept, long added, long removed,
			Instant reviewDue) {
	}

	private final WorkPlans plans;
	private final WorkPlanItems items;
	private final PlanDrafts drafts;
	private final Customers customers;
	private final RuntimeService runtime;
	private final Staff staff;
	private final TeamSupervisors teamSupervisors;
	private final TeamCaseAccess teamAccess;
	private final WorkCalendar calendar;
	private final Clock clock;

	Plans(WorkPlans plans, WorkPlanItems items, PlanDrafts drafts, Customers customers, RuntimeService runtime,
			Staff staff, TeamSupervisors teamSupervisors, TeamCaseAccess teamAccess, WorkCalendar calendar, Clock clock) {
		this.plans = plans;
		this.items = items;
		this.drafts = drafts;
		this.customers = customers;
		this.runtime = runtime;
		this.staff = staff;
		this.teamSupervisors = teamSupervisors;
		this.teamAccess = teamAccess;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The plan of the month, drafted now if there is none. */
	@Transactional
	WorkPlan planOf(String managerId, YearMonth month) {
		return plans.findByManagerIdAndPlanMonth(managerId, month.toString()).orElseGet(() -> {
			WorkPlan plan = plans.saveAndFlush(new WorkPlan(managerId, month.toString(), LocalDateTime.now(clock)));
			for (PlanDrafts.Draft draft : drafts.draft(managerId, month)) {
				items.save(new WorkPlanItem(plan.getId(), draft.customerNo(), draft.kind(), draft.detail(), null,
						WorkPlanItem.Source.DRAFT));
			}
			return plan;
		});
	}

	/** The plan's items as the workbook shows them (not the removed ones), with the customers' names and numbers. */
	@Transactional(readOnly = true)
	List<PlanWorkbook.Line> lines(WorkPlan plan) {
		List<WorkPlanItem> kept = items.findByPlanIdOrderByItemKindAscCustomerNoAsc(plan.getId()).stream()
				.filter(item -> !item.isRemoved())
				.sorted(java.util.Comparator.comparing(WorkPlanItem::getItemKind).thenComparing(WorkPlanItem::getCustomerNo))
				.toList();
		Map<String, Customer> known = customers.findAllById(kept.stream().map(WorkPlanItem::getCustomerNo).distinct().toList())
				.stream().collect(Collectors.toMap(Customer::getCustomerNo, Function.identity()));
		return kept.stream().map(item -> {
			Customer customer = known.get(item.getCustomerNo());
			return new PlanWorkbook.Line(item.getCustomerNo(), customer == null ? null : customer.getName(),
					customer == null ? null : customer.getServiceNo(), item.getItemKind(), item.getDetail(), item.getNote());
		}).toList();
	}

	/**
	 * Replaces the plan's items with the uploaded rows: drafted items kept get the row's note, drafted items
	 * missing are marked removed, rows that are new are the manager's own; then the review starts (once per plan).
	 *
	 * @throws IllegalArgumentException naming the line, before anything is changed: a customer who is not the
	 *                                  manager's, an unknown 工作项, a row twice, a note too long
	 */
	@Transactional
	Submitted submit(WorkPlan plan, List<PlanWorkbook.Uploaded> rows, String by) {
		Map<String, Customer> own = customers.findAllById(rows.stream().map(PlanWorkbook.Uploaded::customerNo).distinct()
				.toList()).stream().filter(c -> plan.getManagerId().equals(c.getManagerId()))
				.collect(Collectors.toMap(Customer::getCustomerNo, Function.identity()));
		Map<String, PlanWorkbook.Uploaded> wanted = new LinkedHashMap<>();
		Map<String, PlanItemKind> kinds = new HashMap<>();
		for (PlanWorkbook.Uploaded row : rows) {
			if (!own.containsKey(row.customerNo())) {
				throw new IllegalArgumentException("file: 第" + row.line() + "行: 客户 " + row.customerNo() + " 不是 "
						+ plan.getManagerId() + " 的客户");
			}
			PlanItemKind kind = PlanItemKind.parse(row.kind()).orElseThrow(() -> new IllegalArgumentException("file: 第"
					+ row.line() + "行: 工作项“" + row.kind() + "”无效, 应为 " + String.join("、",
							java.util.Arrays.stream(PlanItemKind.values()).map(PlanItemKind::label).toList())));
			if (row.note() != null && row.note().length() > 1000) {
				throw new IllegalArgumentException("file: 第" + row.line() + "行: 备注不能超过1000个字符");
			}
			String key = row.customerNo() + "/" + kind;
			PlanWorkbook.Uploaded earlier = wanted.putIfAbsent(key, row);
			if (earlier != null) {
				throw new IllegalArgumentException("file: 第" + row.line() + "行与第" + earlier.line() + "行重复 (客户 "
						+ row.customerNo() + ", " + kind.label() + ")");
			}
			kinds.put(key, kind);
		}
		long kept = 0;
		long removed = 0;
		Map<String, WorkPlanItem> existing = new HashMap<>();
		for (WorkPlanItem item : items.findByPlanIdOrderByItemKindAscCustomerNoAsc(plan.getId())) {
			String key = item.getCustomerNo() + "/" + item.getItemKind();
			existing.put(key, item);
			PlanWorkbook.Uploaded row = wanted.get(key);
			if (row != null) {
				item.keep(row.note());
				kept++;
			} else if (!item.isRemoved()) {
				item.remove();
				removed++;
			}
		}
		long added = 0;
		for (Map.Entry<String, PlanWorkbook.Uploaded> entry : wanted.entrySet()) {
			if (!existing.containsKey(entry.getKey())) {
				PlanWorkbook.Uploaded row = entry.getValue();
				items.save(new WorkPlanItem(plan.getId(), row.customerNo(), kinds.get(entry.getKey()), row.detail(),
						row.note(), WorkPlanItem.Source.MANAGER));
				added++;
			}
		}
		plan.submitted(by, LocalDateTime.now(clock));
		plans.save(plan);
		Instant due = reviewDue(YearMonth.parse(plan.getPlanMonth()));
		startReview(plan, summary(wanted.keySet(), kinds, added, removed), due);
		return new Submitted(plan.getManagerId(), plan.getPlanMonth(), plan.getState().name(), wanted.size(), kept,
				added, removed, due);
	}

	/** The end of calling on the month's 5th working day; for a plan submitted later, the end of today's. */
	Instant reviewDue(YearMonth month) {
		LocalDate day = month.atDay(1).minusDays(1);
		for (int i = 0; i < 5; i++) {
			day = calendar.nextWorkingDay(day);
		}
		Instant fifth = calendar.endOfWorkingDay(calendar.startOfCalling(day));
		Instant now = clock.instant();
		return fifth.isBefore(now) ? calendar.endOfWorkingDay(now) : fifth;
	}

	private void startReview(WorkPlan plan, String summary, Instant due) {
		String key = PlanProcess.businessKey(plan.getManagerId(), plan.getPlanMonth());
		boolean open = runtime.createProcessInstanceQuery().processDefinitionKey(PlanProcess.PROCESS_KEY)
				.processInstanceBusinessKey(key).count() > 0;
		if (open) {
			// a plan uploaded again while its review is open: the supervisor reviews the latest items
			runtime.createProcessInstanceQuery().processDefinitionKey(PlanProcess.PROCESS_KEY)
					.processInstanceBusinessKey(key).list()
					.forEach(instance -> runtime.setVariable(instance.getId(), PlanProcess.PLAN_SUMMARY, summary));
			return;
		}
		String team = staff.teamOf(plan.getManagerId()).orElseThrow(() -> new IllegalStateException(
				"电话经理 " + plan.getManagerId() + " 不属于任何班组"));
		Map<String, Object> variables = new HashMap<>();
		variables.put(PlanProcess.MANAGER_ID, plan.getManagerId());
		variables.put(PlanProcess.MANAGER_NAME, staff.nameOf(plan.getManagerId()));
		variables.put(PlanProcess.PLAN_MONTH, plan.getPlanMonth());
		variables.put(PlanProcess.PLAN_SUMMARY, summary);
		variables.put(PlanProcess.REVIEW_DUE, Date.from(due));
		variables.put(CaseVariables.SUPERVISOR_ID, staff.supervisorOf(team).orElse(null));
		variables.put(CaseVariables.SUPERVISOR_GROUP, teamSupervisors.groupOf(team));
		String instance = runtime.startProcessInstanceByKey(PlanProcess.PROCESS_KEY, key, variables).getId();
		teamAccess.grant(instance, team);
	}

	private String summary(java.util.Set<String> keys, Map<String, PlanItemKind> kinds, long added, long removed) {
		Map<PlanItemKind, Long> perKind = new EnumMap<>(PlanItemKind.class);
		for (String key : keys) {
			perKind.merge(kinds.get(key), 1L, Long::sum);
		}
		String figures = perKind.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
				.collect(Collectors.joining(", "));
		return "共 " + keys.size() + " 项" + (figures.isEmpty() ? "" : ": " + figures) + "; 经理新增 " + added + " 项, 删除 "
				+ removed + " 项";
	}
}
