package com.retentiondesk.arrears;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.ChunkedScan;
import com.retentiondesk.casework.ChunkedScan.Result;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;

/**
 * Opens arrears cases for every customer who is due (an active line, see {@link ArrearsPolicy}) and has
 * no open arrears or win-back case, nor an arrears case that ended unpaid or suspended within
 * {@code desk.arrears.reopen-after} with no payment since, in chunks of
 * {@code desk.arrears.scan-chunk-size} customers (see {@link ChunkedScan}). A chunk reads its customers,
 * their open cases and their recent contacts in one query each, then opens its cases without a query
 * per case.
 */
@Service("arrearsCaseScan")
public class ArrearsScan {

	private final Customers customers;
	private final RetentionCases cases;
	private final ArrearsCases arrears;
	private final ArrearsSettings settings;
	private final ChunkedScan scan;
	private final CaseBriefs briefs;
	private final ArrearsHistory history;
	private final Clock clock;

	ArrearsScan(Customers customers, RetentionCases cases, ArrearsCases arrears, ArrearsSettings settings,
			ChunkedScan scan, CaseBriefs briefs, ArrearsHistory history, Clock clock) {
		this.briefs = briefs;
		this.history = history;
		this.clock = clock;
		this.customers = customers;
		this.cases = cases;
		this.arrears = arrears;
		this.settings = settings;
		this.scan = scan;
	}

	public Result run() {
		return scan.run("arrears scan",
				after -> customers.findArrearsCandidates(after == null ? "" : after, settings.prepaidBalanceBelow(),
						settings.postpaidArrearsMonths(), Limit.of(settings.scanChunkSize())),
				this::openChunk,
				customerNo -> cases.findOpen(customerNo, CaseType.ARREARS_REMINDER).isPresent());
	}

	private Result openChunk(List<String> customerNos) {
		// lock first, then look for open cases: a scan on another node that has the chunk waits for us
		Map<String, Customer> byNumber = customers.lockAll(customerNos).stream()
				.collect(Collectors.toMap(Customer::getCustomerNo, Function.identity()));
		Set<String> notNow = new HashSet<>(cases.findCustomersWithOpenCase(CaseType.ARREARS_REMINDER, customerNos));
		// the win-back case has the customer; a case that ended unpaid or suspended rests for a while
		notNow.addAll(cases.findCustomersWithOpenCase(CaseType.SUSPENDED_WINBACK, customerNos));
		notNow.addAll(history.findResting(customerNos, LocalDateTime.now(clock).minus(settings.reopenAfter())));
		List<Customer> due = customerNos.stream().map(byNumber::get)
				.filter(customer -> customer != null && !notNow.contains(customer.getCustomerNo()) && arrears.isDue(customer))
				.toList();
		// one query for the chunk's contact history instead of one per case (the brief shows the last five)
		CaseBriefs.RecentContacts recentContacts = briefs.recentContacts(due.stream().map(Customer::getCustomerNo).toList());
		int opened = 0;
		for (Customer customer : due) {
			arrears.openChecked(customer, recentContacts);
			opened++;
		}
		int skipped = customerNos.size() - opened;
		return new Result(opened, skipped, 0);
	}
}
