package com.retentiondesk.birthday;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.ChunkedScan;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;

/**
 * The day's birthday greetings ({@code ServiceTask_OpenBirthdayGreetings}): every star customer (star level 1 or
 * more) whose line is not closed and whose birthday is today or on a rest day before the next working day
 * ({@link BirthdayPolicy}) gets one greeting case, in chunks with the customers locked first as the other scans do;
 * a birthday already greeted (its {@code birthday_greeting} row) or a customer with an open greeting is skipped,
 * so the scan run twice, or on two nodes, opens each greeting once.
 */
@Service("birthdayGreetingScan")
class BirthdayScan {

	/** A star customer with a birthday, in customer-number order (the scan's key). */
	record Candidate(String customerNo, LocalDate birthday) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final Customers customers;
	private final RetentionCases cases;
	private final BirthdayGreetings greetings;
	private final BirthdayCases birthdays;
	private final ChunkedScan scan;
	private final CaseBriefs briefs;
	private final WorkCalendar calendar;
	private final BirthdaySettings settings;
	private final Clock clock;

	BirthdayScan(NamedParameterJdbcTemplate jdbc, Customers customers, RetentionCases cases, BirthdayGreetings greetings,
			BirthdayCases birthdays, ChunkedScan scan, CaseBriefs briefs, WorkCalendar calendar, BirthdaySettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.cases = cases;
		this.greetings = greetings;
		this.birthdays = birthdays;
		this.scan = scan;
		this.briefs = briefs;
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
	}

	/** The days whose birthdays a scan today greets. */
	List<LocalDate> daysCovered() {
		return BirthdayPolicy.daysCovered(LocalDate.now(clock.withZone(calendar.zone())), calendar::isWorkingDay);
	}

	ChunkedScan.Result run() {
		List<LocalDate> days = daysCovered();
		List<Integer> monthDays = BirthdayPolicy.birthdaysOn(days).stream()
				.map(md -> md.getMonthValue() * 100 + md.getDayOfMonth()).toList();
		return scan.run("birthday scan " + days.get(0) + ".." + days.get(days.size() - 1),
				(Candidate after) -> candidates(after == null ? "" : after.customerNo(), monthDays),
				chunk -> openChunk(chunk, days),
				candidate -> !greetings.findGreeted(List.of(candidate.customerNo()), days).isEmpty());
	}

	private List<Candidate> candidates(String after, List<Integer> monthDays) {
		// month * 100 + day: one expression H2 and MySQL/MariaDB both evaluate the same way
		return jdbc.query("select c.customer_no, c.birthday from customer c where c.customer_no > :after "
				+ "and c.star_level >= 1 and c.birthday is not null and c.line_status <> 'CLOSED' "
				+ "and (extract(month from c.birthday) * 100 + extract(day from c.birthday)) in (:monthDays) "
				+ "order by c.customer_no limit :limit",
				new MapSqlParameterSource().addValue("after", after).addValue("monthDays", monthDays)
						.addValue("limit", settings.birthdayScanChunkSize()),
				(row, i) -> new Candidate(row.getString(1), row.getDate(2).toLocalDate()));
	}

	private ChunkedScan.Result openChunk(List<Candidate> chunk, List<LocalDate> days) {
		List<String> customerNos = chunk.stream().map(Candidate::customerNo).toList();
		// lock first, then look for greetings: a scan on another node that has the chunk waits for us
		Map<String, Customer> byNumber = customers.lockAll(customerNos).stream()
				.collect(Collectors.toMap(Customer::getCustomerNo, Function.identity()));
		Set<String> notNow = new HashSet<>(greetings.findGreeted(customerNos, days));
		notNow.addAll(cases.findCustomersWithOpenCase(CaseType.BIRTHDAY_GREETING, customerNos));
		List<Candidate> due = chunk.stream()
				.filter(c -> byNumber.containsKey(c.customerNo()) && !notNow.contains(c.customerNo())).toList();
		CaseBriefs.RecentContacts recentContacts = briefs.recentContacts(due.stream().map(Candidate::customerNo).toList());
		int opened = 0;
		for (Candidate candidate : due) {
			LocalDate birthdayOn = BirthdayPolicy.birthdayAmong(candidate.birthday(), days).orElse(null);
			if (birthdayOn != null) {
				birthdays.open(byNumber.get(candidate.customerNo()), birthdayOn, recentContacts);
				opened++;
			}
		}
		return new ChunkedScan.Result(opened, chunk.size() - opened, 0);
	}
}
