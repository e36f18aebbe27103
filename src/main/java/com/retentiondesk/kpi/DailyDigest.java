package com.retentiondesk.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.ScanDays;
import com.retentiondesk.casework.Staff;
import com.retentiondesk.notification.Channel;
import com.retentiondesk.notification.Notifications;
import com.retentiondesk.web.DeskGroups;

/**
 * The supervisors' daily digest (日报, issue 30) of {@code DailyDigestProcess}: on a working day (or with
 * {@code force}), {@link Queue} writes one e-mail per team and supervisor with the team's totals and a line per
 * manager, the figures of {@code /api/kpi} for the day; {@link Send} delivers them in a step of its own, which
 * retries while the mail server is down. The keys ({@code digest:2026-12-02:team1:supervisor1}) make a retried or
 * repeated run queue nothing twice.
 */
final class DailyDigest {

	private static final Logger log = LoggerFactory.getLogger(DailyDigest.class);

	static final String KEY_PREFIX = "digest:";
	/**
	 * The day of the digest (2026-12-02): written by the queueing step for the sending step's keys, or given
	 * when the process is started by hand to send (again) the digest of that day.
	 */
	static final String DAY = "digestDay";
	/** The time of {@code StartEvent_Daily}'s timer ({@code 0 30 20 * * ?}; DailyDigestTest holds them together). */
	static final LocalTime AT = LocalTime.of(20, 30);
	/** Written by the queueing step: how many digests it queued. */
	static final String QUEUED = "queued";

	private DailyDigest() {
	}

	/** The mail of one team's day. */
	static String body(String supervisorName, String teamName, LocalDate day, KpiReport report) {
		long calls = report.managers().stream().mapToLong(KpiReport.ManagerFigures::calls).sum();
		long reached = report.managers().stream().mapToLong(KpiReport.ManagerFigures::reached).sum();
		long closed = report.managers().stream().mapToLong(KpiReport.ManagerFigures::closed).sum();
		long overdue = report.managers().stream().mapToLong(KpiReport.ManagerFigures::overdueTasks).sum();
		StringBuilder text = new StringBuilder(supervisorName + " 主管您好:\n\n" + teamName + " " + day
				+ " 的工作汇总(与保有看板当日的数字一致):\n\n");
		text.append("合计: 外呼 ").append(calls).append(", 接通 ").append(reached).append(" (").append(percent(reached, calls))
				.append("), 结案 ").append(closed).append(", 已逾期任务 ").append(overdue).append("\n\n");
		text.append("电话经理\t外呼\t接通\t结案\t已逾期\n");
		for (KpiReport.ManagerFigures manager : report.managers()) {
			text.append(manager.name()).append('\t').append(manager.calls()).append('\t').append(manager.reached())
					.append('\t').append(manager.closed()).append('\t').append(manager.overdueTasks()).append('\n');
		}
		if (!report.away().isEmpty()) {
			text.append("\n今日请假: ").append(String.join("、", report.away().stream().map(KpiReport.AwayManager::name)
					.toList())).append('\n');
		}
		return text.append("\n明细见 Cockpit 的保有看板。\n\n—— 保有工作台").toString();
	}

	/**
	 * The day a run at {@code now} reports: the last day whose {@link #AT} has come. A timer that fires late
	 * (the desk was down at 20:30, or its clock jumped) reports the day it was due for, or the day before,
	 * never a day that is not over: that digest would go out with the figures so far, and its key would keep
	 * the full one from being sent at 20:30.
	 */
	static LocalDate dayOf(ZonedDateTime now) {
		return now.toLocalTime().isBefore(AT) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
	}

	private static String percent(long part, long whole) {
		return whole == 0 ? "-" : String.format("%.1f%%", part * 100.0 / whole);
	}

	/** {@code ServiceTask_QueueDigests}. */
	@Component("queueDailyDigests")
	static class Queue implements JavaDelegate {

		private final Kpis kpis;
		private final Staff staff;
		private final IdentityService identity;
		private final Notifications notifications;
		private final WorkCalendar calendar;
		private final Clock clock;

		Queue(Kpis kpis, Staff staff, IdentityService identity, Notifications notifications, WorkCalendar calendar,
				Clock clock) {
			this.kpis = kpis;
			this.staff = staff;
			this.identity = identity;
			this.notifications = notifications;
			this.calendar = calendar;
			this.clock = clock;
		}

		@Override
		public void execute(DelegateExecution execution) {
			Object given = execution.getVariable(DAY);
			LocalDate day = given == null ? dayOf(ZonedDateTime.now(clock.withZone(calendar.zone()))) : given(given);
			execution.setVariable(DAY, day.toString());
			if (!ScanDays.runsOn(execution, calendar, day)) {
				log.info("daily digest: {} is not a working day; nothing to send", day);
				execution.setVariable(QUEUED, 0);
				return;
			}
			int queued = 0;
			List<Group> teams = identity.createGroupQuery().groupType(DeskGroups.TEAM_TYPE).orderByGroupId().asc().list();
			for (Group team : teams) {
				KpiReport report = kpis.report(day, day, team.getId());
				for (String supervisor : staff.membersOf(team.getId(), DeskGroups.SUPERVISORS).stream().sorted().toList()) {
					Optional<String> email = staff.emailOf(supervisor);
					if (email.isEmpty()) {
						log.warn("daily digest: supervisor {} of {} has no e-mail address", supervisor, team.getId());
						continue;
					}
					notifications.queue(KEY_PREFIX + day + ":" + team.getId() + ":" + supervisor, Channel.EMAIL, email.get(),
							"【保有日报】" + team.getName() + " " + day,
							body(staff.nameOf(supervisor), team.getName(), day, report));
					queued++;
				}
			}
			execution.setVariable(QUEUED, queued);
		}

		/** A day given at start ({@code "2026-12-02"}); anything else fails the step with the reason as its incident. */
		private static LocalDate given(Object value) {
			try {
				return LocalDate.parse(value.toString());
			} catch (DateTimeParseException e) {
				throw new IllegalArgumentException(DAY + " must be a date such as 2026-12-02, not \"" + value + "\"", e);
			}
		}
	}

	/** {@code ServiceTask_SendDigests}. */
	@Component("sendDailyDigests")
	static class Send implements JavaDelegate {

		private final Notifications notifications;

		Send(Notifications notifications) {
			this.notifications = notifications;
		}

		@Override
		public void execute(DelegateExecution execution) {
			notifications.deliverQueued(KEY_PREFIX + execution.getVariable(DAY) + ":");
		}
	}
}
