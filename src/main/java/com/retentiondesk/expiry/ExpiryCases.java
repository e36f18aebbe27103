package com.retentiondesk.expiry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.retentiondesk.calendar.WorkCalendar;
import com.retentiondesk.casework.CaseFiles;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.contract.Agreement;
import com.retentiondesk.contract.AgreementType;
import com.retentiondesk.customer.Customer;

/**
 * The contract-expiry retention case (到期预警保有): what the daily scan and the tests call to open a
 * case for an agreement that ends soon.
 */
@Service
public class ExpiryCases {

	private final CaseFiles files;
	private final WorkCalendar calendar;
	private final ExpirySettings settings;
	private final Clock clock;

	ExpiryCases(CaseFiles files, WorkCalendar calendar, ExpirySettings settings, Clock clock) {
		this.files = files;
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Opens a case about the agreement and starts {@code ContractExpiryRetentionProcess}: the call is
	 * due at the end of the third working day, a supervisor steps in 14 days before the end, and the
	 * case expires with the agreement.
	 */
	@Transactional
	public RetentionCase open(Customer customer, Agreement agreement) {
		Instant now = clock.instant();
		Instant callDue = calendar.endOfWorkingDay(now);
		LocalDate day = callDue.atZone(calendar.zone()).toLocalDate();
		for (int i = 1; i < settings.callWithinWorkingDays(); i++) {
			day = calendar.nextWorkingDay(day);
		}
		callDue = calendar.endOfWorkingDay(day.atStartOfDay(calendar.zone()).toInstant());
		Map<String, Object> variables = new HashMap<>();
		variables.put(ExpiryProcess.AGREEMENT_ID, agreement.getId());
		variables.put(CaseVariables.CALL_DUE, Date.from(callDue));
		variables.put(ExpiryProcess.UNREACHABLE_ATTEMPTS, 0);
		variables.put(ExpiryProcess.NEAR_EXPIRY_AT,
				Date.from(calendar.startOfCalling(agreement.getEndDate().minus(settings.escalateBefore()))));
		// the agreement runs to the end of its last day
		variables.put(ExpiryProcess.EXPIRES_AT,
				Date.from(agreement.getEndDate().plusDays(1).atStartOfDay(calendar.zone()).toInstant()));
		RetentionCase file = files.open(CaseType.CONTRACT_EXPIRY, ExpiryProcess.PROCESS_KEY, customer,
				caseLines(agreement), variables);
		file.concern(agreement.getId());
		return file;
	}

	static List<String> caseLines(Agreement agreement) {
		List<String> lines = new ArrayList<>();
		lines.add("到期协议: " + (agreement.getAgreementType() == AgreementType.RECHARGE_BINDING ? "充值绑定" : "终端补贴")
				+ "  到期日: " + agreement.getEndDate());
		return lines;
	}
}
