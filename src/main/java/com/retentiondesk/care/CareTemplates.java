package com.retentiondesk.care;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.casework.Staff;
import com.retentiondesk.casework.TeamSupervisors;
import com.retentiondesk.web.DeskGroups;

/**
 * The care SMS templates: proposed through {@code POST /api/care/templates}, approved or rejected by the
 * proposer's supervisors ({@code CareMessageApprovalProcess}, {@code Task_ApproveMessage}), looked up by the
 * greetings. {@link #newestApproved} is the lookup for other duties (e.g. the birthday greeting's SMS).
 */
@Service
public class CareTemplates {

	/** An SMS is at most 500 characters here (seven long-SMS parts); the opt-out hint is added on sending. */
	static final int MAX_TEXT = 500;

	/** An approved template as the senders see it. */
	public record ApprovedTemplate(long id, CareKind kind, String text) {
	}

	private final CareTemplateRows rows;
	private final RuntimeService runtime;
	private final Staff staff;
	private final TeamSupervisors teamSupervisors;
	private final Clock clock;

	CareTemplates(CareTemplateRows rows, RuntimeService runtime, Staff staff, TeamSupervisors teamSupervisors,
			Clock clock) {
		this.rows = rows;
		this.runtime = runtime;
		this.staff = staff;
		this.teamSupervisors = teamSupervisors;
		this.clock = clock;
	}

	/**
	 * A new template, PROPOSED, and its approval process for the proposer's team supervisors (the supervisors
	 * of every team for a proposer in no team, such as 10000's integration account or an administrator).
	 *
	 * @throws IllegalArgumentException naming the field, in Chinese
	 */
	@Transactional
	public CareTemplate propose(CareKind kind, String text, LocalDate validFrom, LocalDate validTo, String proposer) {
		if (kind == null) {
			throw new IllegalArgumentException("kind: 请选择类型 (WEEKEND 周末、HOLIDAY 节日、WEATHER 天气、BIRTHDAY 生日)");
		}
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("text: 请填写短信内容");
		}
		if (text.trim().length() > MAX_TEXT) {
			throw new IllegalArgumentException("text: 短信内容最多" + MAX_TEXT + "个字,现有" + text.trim().length() + "个字");
		}
		if (validFrom == null) {
			throw new IllegalArgumentException("validFrom: 请填写生效日期 (例如 2026-12-01)");
		}
		if (validTo == null) {
			throw new IllegalArgumentException("validTo: 请填写失效日期 (例如 2026-12-31)");
		}
		if (validTo.isBefore(validFrom)) {
			throw new IllegalArgumentException("validTo: 失效日期 " + validTo + " 早于生效日期 " + validFrom);
		}
		LocalDateTime now = LocalDateTime.now(clock);
		CareTemplate template = rows.saveAndFlush(new CareTemplate(kind, text.trim(), validFrom, validTo, proposer, now));
		String group = staff.teamOf(proposer).map(teamSupervisors::groupOf).orElse(DeskGroups.SUPERVISORS);
		Map<String, Object> variables = new HashMap<>();
		variables.put(CareProcess.TEMPLATE_ID, template.getId());
		variables.put(CareProcess.PROPOSER_ID, proposer);
		variables.put(CareProcess.SUPERVISOR_GROUP, group);
		variables.put(CareProcess.TEMPLATE_SUMMARY, summary(template, staff.nameOf(proposer)));
		String instance = runtime.startProcessInstanceByKey(CareProcess.APPROVAL_KEY, String.valueOf(template.getId()),
				variables).getId();
		template.startedAs(instance);
		return rows.save(template);
	}

	/** Task_ApproveMessage was completed: the decision, by whom and when. */
	@Transactional
	public void decide(long templateId, boolean approved, String by, String note) {
		CareTemplate template = rows.findById(templateId)
				.orElseThrow(() -> new IllegalStateException("care template " + templateId + " is gone"));
		template.decide(approved, by, LocalDateTime.now(clock), note);
		rows.save(template);
	}

	/** The templates, newest first, of a kind and a state if given. */
	public List<CareTemplate> list(CareKind kind, CareTemplate.State state) {
		return rows.findAllByOrderByIdDesc().stream()
				.filter(t -> kind == null || t.getKind() == kind)
				.filter(t -> state == null || t.getState() == state)
				.toList();
	}

	/** The newest approved template of the kind that is valid on the day (the newest approval wins). */
	public Optional<ApprovedTemplate> newestApproved(CareKind kind, LocalDate day) {
		return rows.findFirstByKindAndStateAndValidFromLessThanEqualAndValidToGreaterThanEqualOrderByDecidedAtDescIdDesc(
				kind, CareTemplate.State.APPROVED, day, day).map(CareTemplates::approved);
	}

	/**
	 * A template that may be sent as {@code kind} on the day.
	 *
	 * @throws IllegalArgumentException in Chinese, naming {@code templateId}, when it is not
	 */
	ApprovedTemplate sendable(long templateId, CareKind kind, LocalDate day) {
		CareTemplate template = rows.findById(templateId)
				.orElseThrow(() -> new IllegalArgumentException("templateId: 没有编号为 " + templateId + " 的短信模板"));
		if (template.getKind() != kind) {
			throw new IllegalArgumentException("templateId: 模板 " + templateId + " 是" + template.getKind().label()
					+ "模板,不是" + kind.label() + "模板");
		}
		if (!template.sendableOn(day)) {
			throw new IllegalArgumentException("templateId: 模板 " + templateId + " 未经主管批准或不在有效期内 ("
					+ template.getState() + ", " + template.getValidFrom() + " 至 " + template.getValidTo() + ")");
		}
		return approved(template);
	}

	private static ApprovedTemplate approved(CareTemplate template) {
		return new ApprovedTemplate(template.getId(), template.getKind(), template.getBody());
	}

	private static String summary(CareTemplate template, String proposerName) {
		return template.getKind().label() + "短信,由" + proposerName + "提交,有效期 " + template.getValidFrom() + " 至 "
				+ template.getValidTo() + ":" + template.getBody();
	}
}
