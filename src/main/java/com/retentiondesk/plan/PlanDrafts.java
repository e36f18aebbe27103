package com.retentiondesk.plan;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The draft of a manager's plan for a month, from the data (one query per kind of work, each on the manager's
 * customers only): customers the arrears scan would remind (the thresholds of {@code desk.arrears}), agreements
 * ending from the first of the month to {@code desk.expiry.open-before} after its last day (the expiry cases the
 * month will open or work), star customers whose birthday falls in the month, last month's usage warnings
 * (traffic-decline and package-advice cases of that usage month), CDMA 普1 customers missing one of the five
 * basics (name, ID type, ID number, address, second number), and open upgrade cases.
 */
@Component
class PlanDrafts {

	/** A drafted item before it is saved. */
	record Draft(String customerNo, PlanItemKind kind, String detail) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final BigDecimal prepaidBalanceBelow;
	private final int postpaidArrearsMonths;
	private final Period expiryOpenBefore;

	PlanDrafts(NamedParameterJdbcTemplate jdbc,
			@Value("${desk.arrears.prepaid-balance-below:10}") BigDecimal prepaidBalanceBelow,
			@Value("${desk.arrears.postpaid-arrears-months:2}") int postpaidArrearsMonths,
			@Value("${desk.expiry.open-before:P60D}") Period expiryOpenBefore) {
		this.jdbc = jdbc;
		this.prepaidBalanceBelow = prepaidBalanceBelow;
		this.postpaidArrearsMonths = postpaidArrearsMonths;
		this.expiryOpenBefore = expiryOpenBefore;
	}

	List<Draft> draft(String managerId, YearMonth month) {
		LocalDate first = month.atDay(1);
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("manager", managerId)
				.addValue("below", prepaidBalanceBelow).addValue("months", postpaidArrearsMonths)
				.addValue("first", Date.valueOf(first))
				.addValue("windowEnd", Date.valueOf(month.atEndOfMonth().plus(expiryOpenBefore)))
				.addValue("month", month.getMonthValue())
				.addValue("usageMonth", month.minusMonths(1).toString());
		List<Draft> drafts = new ArrayList<>();
		jdbc.query("select c.customer_no, c.payment_type, c.balance, c.arrears_months from customer c "
				+ "where c.manager_id = :manager and c.line_status = 'ACTIVE' and ((c.payment_type = 'PREPAID' and "
				+ "c.balance < :below) or (c.payment_type = 'POSTPAID' and c.arrears_months >= :months)) "
				+ "order by c.customer_no", params, row -> {
					String detail = "PREPAID".equals(row.getString(2)) ? "预付费余额 ¥" + row.getBigDecimal(3)
							: "后付费欠费" + row.getInt(4) + "个月, 余额 ¥" + row.getBigDecimal(3);
					drafts.add(new Draft(row.getString(1), PlanItemKind.ARREARS, detail));
				});
		jdbc.query("select a.customer_no, min(a.end_date) from agreement a join customer c on c.customer_no = a.customer_no "
				+ "where c.manager_id = :manager and a.end_date >= :first and a.end_date <= :windowEnd "
				+ "group by a.customer_no order by a.customer_no", params,
				row -> {
					drafts.add(new Draft(row.getString(1), PlanItemKind.EXPIRY, "协议到期 " + row.getDate(2)));
				});
		jdbc.query("select c.customer_no, c.birthday from customer c where c.manager_id = :manager and c.star_level >= 1 "
				+ "and c.birthday is not null and month(c.birthday) = :month order by c.customer_no", params,
				row -> {
					drafts.add(new Draft(row.getString(1), PlanItemKind.BIRTHDAY,
						"生日 " + row.getDate(2).toLocalDate().toString().substring(5)));
				});
		jdbc.query("select r.customer_no, min(r.case_type) from retention_case r where r.manager_id = :manager "
				+ "and r.case_type in ('TRAFFIC_DECLINE', 'PACKAGE_ADVICE') and r.usage_month = :usageMonth "
				+ "group by r.customer_no order by r.customer_no", params,
				row -> {
					drafts.add(new Draft(row.getString(1), PlanItemKind.USAGE_WARNING,
						("TRAFFIC_DECLINE".equals(row.getString(2)) ? "话务下降" : "套餐预警") + " (" + month.minusMonths(1) + ")"));
				});
		jdbc.query("select c.customer_no, c.name, c.id_type, c.id_no, c.address, c.second_phone from customer c "
				+ "where c.manager_id = :manager and c.segment = 'CDMA_TIER1' and (c.name is null or c.name = '' "
				+ "or c.id_type is null or c.id_type = '' or c.id_no is null or c.id_no = '' or c.address is null "
				+ "or c.address = '' or c.second_phone is null or c.second_phone = '') order by c.customer_no", params,
				row -> {
					StringJoiner missing = new StringJoiner("、", "缺少: ", "");
					String[] labels = { "姓名", "证件类型", "证件号码", "详细地址", "第二联系号码" };
					for (int i = 0; i < labels.length; i++) {
						String value = row.getString(i + 2);
						if (value == null || value.isBlank()) {
							missing.add(labels[i]);
						}
					}
					drafts.add(new Draft(row.getString(1), PlanItemKind.PROFILE_GAP, missing.toString()));
				});
		jdbc.query("select r.customer_no from retention_case r where r.manager_id = :manager and r.case_type = 'PHS_UPGRADE' "
				+ "and r.open_flag = 1 order by r.customer_no", params,
				row -> {
					drafts.add(new Draft(row.getString(1), PlanItemKind.UPGRADE, "小灵通升级CDMA, 案件未结"));
				});
		return drafts;
	}
}
