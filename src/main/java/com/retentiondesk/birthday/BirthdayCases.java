package com.retentiondesk.birthday;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseFiles;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.customer.Customer;

/**
 * The birthday greeting (客户生日祝福): what the daily scan and the tests call to open a greeting case for a
 * customer's birthday, with its {@code birthday_greeting} row in the same transaction.
 */
@Service
public class BirthdayCases {

	private final CaseFiles files;
	private final BirthdayGreetings greetings;
	private final WorkCalendar calendar;
	private final Clock clock;

	BirthdayCases(CaseFiles files, BirthdayGreetings greetings, WorkCalendar calendar, Clock clock) {
		this.files = files;
		this.greetings = greetings;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Opens {@code BirthdayGreetingProcess} for the customer's birthday on {@code birthdayOn}: the greeting is due at the
	 * end of calling hours of this working day (the next one on a rest day), and given up (EXPIRED) at the end of the
	 * working day after it.
	 *
	 * @param recentContacts the chunk's contacts read beforehand by the scan, or null
	 * @throws CaseFiles.CaseAlreadyOpenException when the customer has an open greeting
	 */
	@Transactional
	public RetentionCase open(Customer customer, LocalDate birthdayOn, CaseBriefs.RecentContacts recentContacts) {
		Instant due = calendar.endOfWorkingDay(clock.instant());
		LocalDate dueDay = due.atZone(calendar.zone()).toLocalDate();
		Instant expires = calendar.endOfWorkingDay(calendar.startOfCalling(calendar.nextWorkingDay(dueDay)));
		Map<String, Object> variables = new HashMap<>();
		variables.put(BirthdayProcess.BIRTHDAY_ON, birthdayOn.toString());
		variables.put(CaseVariables.CALL_DUE, Date.from(due));
		variables.put(BirthdayProcess.EXPIRES_AT, Date.from(expires));
		List<String> lines = caseLines(birthdayOn);
		RetentionCase file = recentContacts == null
				? files.open(CaseType.BIRTHDAY_GREETING, BirthdayProcess.PROCESS_KEY, customer, lines, variables)
				: files.openChecked(CaseType.BIRTHDAY_GREETING, BirthdayProcess.PROCESS_KEY, customer, lines,
						recentContacts, variables);
		greetings.save(new BirthdayGreeting(customer.getCustomerNo(), birthdayOn, file.getId(), customer.getManagerId(),
				dueDay));
		return file;
	}

	static List<String> caseLines(LocalDate birthdayOn) {
		return List.of("生日: " + birthdayOn.getMonthValue() + "月" + birthdayOn.getDayOfMonth() + "日 ("
				+ birthdayOn.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA) + ")",
				"生日祝福: 只致以祝福, 不做任何营销推荐; 未接通时系统改发祝福短信");
	}
}
