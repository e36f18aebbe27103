package com.retentiondesk.marketing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.retentiondesk.notification.Channel;
import com.retentiondesk.notification.Notifications;

/**
 * {@code ServiceTask_MailCompetitorDigest}: the week's competitor notes (the 7 days before the run's day) by e-mail to
 * {@code desk.marketing.mail-to}, once per week through the outbox (key {@code competitor-digest:<day>}): a retried
 * step does not send it twice, a failed delivery retries and then becomes an incident of this step.
 */
@Component("mailCompetitorDigest")
class MailCompetitorDigest implements JavaDelegate {

	/** At most this many reports in the mail's text; the rest are in the API. */
	static final int MAX_IN_MAIL = 500;

	private static final Logger log = LoggerFactory.getLogger(MailCompetitorDigest.class);
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

	private final CompetitorNews news;
	private final Notifications notifications;
	private final MarketingSettings settings;
	private final Clock clock;

	MailCompetitorDigest(CompetitorNews news, Notifications notifications, MarketingSettings settings, Clock clock) {
		this.news = news;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	static String key(LocalDate until) {
		return "competitor-digest:" + until;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate until = until(execution.getVariable(CompetitorDigestProcess.DIGEST_UNTIL));
		LocalDate since = until.minusDays(7);
		CompetitorNews.Reports reports = news.between(since, until, null);
		execution.setVariable(CompetitorDigestProcess.DIGEST_COUNT, reports.count());
		if (settings.mailTo() == null) {
			log.warn("competitor digest {}..{}: {} reports, but desk.marketing.mail-to is not set; no mail", since,
					until.minusDays(1), reports.count());
			return;
		}
		notifications.send(key(until), Channel.EMAIL, settings.mailTo(),
				"【竞争信息周报】" + since + " 至 " + until.minusDays(1) + " 共" + reports.count() + "条", body(reports));
	}

	private LocalDate until(Object value) {
		if (value == null || value.toString().isBlank()) {
			return LocalDate.now(clock);
		}
		try {
			return LocalDate.parse(value.toString().trim());
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("digestUntil: 日期格式错误 " + value + " (应为 yyyy-MM-dd)");
		}
	}

	static String body(CompetitorNews.Reports reports) {
		StringBuilder text = new StringBuilder("市场部您好:\n\n");
		text.append(reports.since()).append(" 至 ").append(reports.until().minusDays(1))
				.append(" 电话经理在服务中记录的竞争对手信息共 ").append(reports.count()).append(" 条");
		if (reports.count() == 0) {
			text.append("。本周没有新的竞争对手信息。\n");
		} else {
			text.append(":\n");
		}
		int n = 0;
		for (CompetitorNews.Report report : reports.reports()) {
			if (++n > MAX_IN_MAIL) {
				text.append("\n其余 ").append(reports.count() - MAX_IN_MAIL).append(" 条请在接口中查看。\n");
				break;
			}
			text.append("\n").append(n).append(". ").append(WHEN.format(report.reportedAt())).append("  客户 ")
					.append(report.customerName()).append("(").append(report.customerNo()).append(")  电话经理 ")
					.append(report.reportedByName()).append("  来源 ").append(report.source()).append("\n   竞争对手动态: ")
					.append(report.competitor()).append("\n");
			if (report.note() != null) {
				text.append("   通话记录: ").append(report.note()).append("\n");
			}
		}
		if (reports.truncated()) {
			text.append("\n(本周记录超过 ").append(CompetitorNews.MAX_REPORTS).append(" 条, 只列出前面的部分)\n");
		}
		text.append("\n完整列表: GET /api/competitor-reports?since=").append(reports.since())
				.append("\n\n—— 保有工作台");
		return text.toString();
	}
}
