package com.retentiondesk.profile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseFiles;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.Staff;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.Segment;

/**
 * The weekly profile scan ({@code ProfileScanProcess}): gives each phone manager up to
 * {@code desk.profile.weekly-tasks} (default 20) verification calls ({@code ProfileVerificationProcess}) for
 * their CDMA 普1 customers whose five basics are incomplete or unverified, incomplete ones and higher star
 * levels first, due in 5 working days. Each manager's calls are opened in a transaction of their own, and a
 * customer with an open verification case is not picked again, so a re-run or a retried job opens no duplicate.
 */
@Service
class ProfileVerifications {

	private static final Logger log = LoggerFactory.getLogger(ProfileVerifications.class);

	/** A customer still needs the call: a basic missing or not verified (the flags Customer keeps, V30). */
	static final String NEEDS_CALL = "(c.profile_complete = 0 or c.profile_verified = 0)";

	private final NamedParameterJdbcTemplate jdbc;
	private final Customers customers;
	private final CaseFiles files;
	private final Staff staff;
	private final WorkCalendar calendar;
	private final Clock clock;
	private final TransactionTemplate perManager;
	private final int weeklyTasks;
	private final int dueInWorkingDays;

	ProfileVerifications(NamedParameterJdbcTemplate jdbc, Customers customers, CaseFiles files, Staff staff,
			WorkCalendar calendar, Clock clock, PlatformTransactionManager transactions,
			@Value("${desk.profile.weekly-tasks:20}") int weeklyTasks,
			@Value("${desk.profile.due-in-working-days:5}") int dueInWorkingDays) {
		if (weeklyTasks < 0) {
			throw new IllegalArgumentException("desk.profile.weekly-tasks must not be negative: " + weeklyTasks);
		}
		this.jdbc = jdbc;
		this.customers = customers;
		this.files = files;
		this.staff = staff;
		this.calendar = calendar;
		this.clock = clock;
		this.perManager = new TransactionTemplate(transactions);
		this.perManager.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.weeklyTasks = weeklyTasks;
		this.dueInWorkingDays = dueInWorkingDays;
	}

	/** Whether the scan gives out calls today (Monday, or any day when {@code forced}). */
	boolean isScanDay(boolean forced) {
		return ProfileScanPolicy.isScanDay(LocalDate.now(clock.withZone(calendar.zone())), forced);
	}

	/**
	 * @param team a team group: only its phone managers (a run by hand for one team); null for all
	 * @return how many verification calls were opened
	 */
	int run(String team) {
		int opened = 0;
		Date due = Date.from(callDue());
		java.util.Collection<String> managers = team == null ? staff.phoneManagerIds()
				: staff.membersOf(team, com.retentiondesk.web.DeskGroups.PHONE_MANAGERS);
		for (String manager : managers.stream().sorted().toList()) {
			if (staff.teamOf(manager).isEmpty()) {
				continue;
			}
			Integer n = perManager.execute(status -> openFor(manager, due));
			opened += n == null ? 0 : n;
		}
		log.info("profile scan: {} verification calls opened", opened);
		return opened;
	}

	private int openFor(String manager, Date due) {
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("manager", manager)
				.addValue("segment", Segment.CDMA_TIER1.name()).addValue("type", CaseType.PROFILE_VERIFICATION.name());
		Long open = jdbc.queryForObject("select count(*) from retention_case r where r.manager_id = :manager "
				+ "and r.case_type = :type and r.open_flag = 1", params, Long.class);
		int limit = ProfileScanPolicy.newCalls(weeklyTasks, open == null ? 0 : open);
		if (limit == 0) {
			return 0;
		}
		List<String> picked = jdbc.queryForList("select c.customer_no from customer c where c.segment = :segment "
				+ "and c.manager_id = :manager and " + NEEDS_CALL + " and not exists (select 1 from retention_case r "
				+ "where r.customer_no = c.customer_no and r.case_type = :type and r.open_flag = 1) "
				+ "order by c.profile_complete, c.star_level desc, c.customer_no limit :limit",
				params.addValue("limit", limit), String.class);
		int opened = 0;
		for (Customer customer : customers.findAllById(picked)) {
			files.open(CaseType.PROFILE_VERIFICATION, ProfileProcess.PROCESS_KEY, customer, caseLines(customer),
					variables(customer, due));
			opened++;
		}
		return opened;
	}

	static List<String> caseLines(Customer customer) {
		return List.of("资料核实: 请与客户核实并补全五项基本资料(姓名、证件类型、证件号码、详细地址、第二联系电话);本次通话不做营销");
	}

	private static Map<String, Object> variables(Customer customer, Date due) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseVariables.CALL_DUE, due);
		// the form opens with what the desk has, for the manager to confirm or correct
		ProfileProcess.BASIC_KEYS.forEach((field, key) -> variables.put(key, customer.profileValue(field)));
		return variables;
	}

	/** The end of the fifth working day from today (today counts when it is one). */
	private Instant callDue() {
		Instant due = calendar.endOfWorkingDay(clock.instant());
		LocalDate day = due.atZone(calendar.zone()).toLocalDate();
		for (int i = 1; i < dueInWorkingDays; i++) {
			day = calendar.nextWorkingDay(day);
		}
		return calendar.endOfWorkingDay(day.atStartOfDay(calendar.zone()).toInstant());
	}
}
