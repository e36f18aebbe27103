package com.retentiondesk.casework;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case brief (客户情况) as a phone manager reads it when the task is shown, not as it was written when the
 * case opened: the codes the cases store (offer codes of the DMN table, contact outcomes) in Chinese, and the
 * customer's other open cases with who holds each, read now, so two managers calling the same customer about
 * arrears and an expiring contract know of each other.
 */
@Component
public class ShownBriefs {

	/** Codes written into briefs by the cases, and what a manager reads instead. */
	static final Map<String, String> LABELS = Map.ofEntries(
			Map.entry("PHS_TO_CDMA_PREMIUM", "小灵通升级CDMA(高价值)"), Map.entry("PHS_TO_CDMA", "小灵通升级CDMA"),
			Map.entry("TIER_UPGRADE", "套餐升档"), Map.entry("PREPAY_BONUS_STANDARD", "冻费送(标准)"),
			Map.entry("PREPAY_BONUS", "冻费送"), Map.entry("CONVERGED_BUNDLE", "融合套餐"),
			Map.entry("HANDSET_RENEWAL", "续约购机补贴"), Map.entry("CARE_PACKAGE", "关怀礼包"),
			Map.entry("NOT_REACHED", "未接通"), Map.entry("REACHED", "已接通"), Map.entry("UNREACHABLE", "联系不上"),
			Map.entry("SENT", "已发送"), Map.entry("FAILED", "发送失败"), Map.entry("ACCEPTED", "接受"),
			Map.entry("DECLINED", "拒绝"), Map.entry("THINKING", "考虑中"), Map.entry("WILL_PAY", "愿意缴费"),
			Map.entry("CHURNED", "已流失"), Map.entry("VERIFY", "回访"), Map.entry("CONFIRMED", "已开通"),
			Map.entry("NOT_YET", "尚未开通"), Map.entry("CANCELLED", "已取消"),
			// SMS delivery (notification.OutboxMessage.Status)
			Map.entry("DELIVERED", "已送达"), Map.entry("UNKNOWN", "结果未知"), Map.entry("OPTED_OUT", "已退订"));
	/** The longest code first, so PREPAY_BONUS_STANDARD is not read as PREPAY_BONUS. */
	private static final Pattern CODES = Pattern.compile("(?<![A-Z_])(" + String.join("|", LABELS.keySet().stream()
			.sorted((a, b) -> b.length() - a.length()).toList()) + ")(?![A-Z_])");

	private final RetentionCases cases;
	private final TaskService tasks;
	private final Staff staff;

	ShownBriefs(RetentionCases cases, TaskService tasks, Staff staff) {
		this.cases = cases;
		this.tasks = tasks;
		this.staff = staff;
	}

	/** The brief stored on the case row of this process instance; empty for no case, or a case opened before V35. */
	@Transactional(readOnly = true)
	public Optional<String> storedBrief(String processInstanceId) {
		return cases.findByProcessInstanceId(processInstanceId).map(RetentionCase::getBrief);
	}

	/** A code of a contact outcome or an offer in Chinese ("REACHED:ACCEPTED" is 已接通:接受); unknown text as it is. */
	public static String label(String codes) {
		if (codes == null) {
			return null;
		}
		Matcher code = CODES.matcher(codes);
		StringBuilder shown = new StringBuilder();
		while (code.find()) {
			code.appendReplacement(shown, Matcher.quoteReplacement(LABELS.get(code.group(1))));
		}
		code.appendTail(shown);
		return shown.toString();
	}

	/**
	 * The brief of a case's task as shown now: codes in Chinese, and a line per other open case of the customer
	 * ("另有未结案件: 到期预警保有, 李娜 处理中"). Read as the system: the manager may not see the other task.
	 */
	@Transactional(readOnly = true)
	public String asShown(String brief, String processInstanceId) {
		if (brief == null) {
			return null;
		}
		StringBuilder shown = new StringBuilder(label(brief));
		RetentionCase self = cases.findByProcessInstanceId(processInstanceId).orElse(null);
		if (self == null) {
			return shown.toString();
		}
		for (RetentionCase other : cases.findByCustomerNoAndOpenFlag(self.getCustomerNo(), 1)) {
			if (other.getId().equals(self.getId()) || other.getProcessInstanceId() == null) {
				continue;
			}
			List<Task> open = openTasks(other.getProcessInstanceId());
			String holder = holder(open).map(name -> name + " 处理中").orElse(open.isEmpty() ? "等待中, 无待办任务" : "待认领");
			shown.append("\n另有未结案件: ").append(other.getCaseType().label()).append(", ").append(holder);
		}
		return shown.toString();
	}

	/**
	 * Who holds a case now: the name (王芳) of the assignee of its open task; empty while no one has it (the team's
	 * task, or none open). Read as the system, like the brief's line.
	 */
	@Transactional(readOnly = true)
	public Optional<String> holderOf(String processInstanceId) {
		return processInstanceId == null ? Optional.empty() : holder(openTasks(processInstanceId));
	}

	private List<Task> openTasks(String processInstanceId) {
		return tasks.createTaskQuery().processInstanceId(processInstanceId).list();
	}

	private Optional<String> holder(List<Task> open) {
		return open.stream().map(Task::getAssignee).filter(a -> a != null).findFirst().map(staff::nameOf);
	}
}
