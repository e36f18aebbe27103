package com.retentiondesk.expiry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.ChunkedScan;
import com.retentiondesk.casework.ChunkedScan.Result;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.contract.Agreement;
import com.retentiondesk.contract.Agreements;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.LineStatus;

/**
 * Opens an expiry case for every agreement that ends within the next 60 days and has had no case
 * yet, unless the customer's line is closed, the customer has an open expiry case (a second
 * agreement then waits for a later scan), or the agreement is the same expiry as one already worked
 * (see {@link ExpiryPolicy}), in chunks (see {@link ChunkedScan}). A chunk locks its customers first,
 * as the arrears scan does, so that a scan on another node waits for it and then finds its cases open.
 */
@Service("expiryCaseScan")
public class ExpiryScan {

	private final ExpiryCandidates candidates;
	private final Agreements agreements;
	private final Customers customers;
	private final RetentionCases cases;
	private final ExpiryCases expiry;
	private final ExpirySettings settings;
	private final ChunkedScan scan;
	private final Clock clock;

	ExpiryScan(ExpiryCandidates candidates, Agreements agreements, Customers customers, RetentionCases cases,
			ExpiryCases expiry, ExpirySettings settings, ChunkedScan scan, Clock clock) {
		this.candidates = candidates;
		this.agreements = agreements;
		this.customers = customers;
		this.cases = cases;
		this.expiry = expiry;
		this.settings = settings;
		this.scan = scan;
		this.clock = clock;
	}

	public Result run() {
		LocalDate today = LocalDate.now(clock);
		LocalDate last = today.plus(settings.openBefore());
		return scan.run("expiry scan",
				after -> candidates.findExpiryCandidates(after == null ? 0L : after, today, last,
						Limit.of(settings.scanChunkSize())),
				this::openChunk,
				agreementId -> agreements.findById(agreementId)
						.map(a -> cases.findOpen(a.getCustomerNo(), CaseType.CONTRACT_EXPIRY).isPresent())
						.orElse(true));
	}

	private Result openChunk(List<Long> agreementIds) {
		List<Agreement> chunk = new ArrayList<>(agreements.findAllById(agreementIds));
		chunk.sort(Comparator.comparing(Agreement::getId));
		Set<String> customerNos = chunk.stream().map(Agreement::getCustomerNo).collect(Collectors.toCollection(TreeSet::new));
		if (customerNos.isEmpty()) {
			return new Result(0, agreementIds.size(), 0);
		}
		// lock first, then look for open cases: a scan on another node that has the chunk waits for us
		Map<String, Customer> byNumber = customers.lockAll(customerNos).stream()
				.collect(Collectors.toMap(Customer::getCustomerNo, Function.identity()));
		Set<String> busy = new HashSet<>(cases.findCustomersWithOpenCase(CaseType.CONTRACT_EXPIRY, customerNos));
		Map<String, List<Agreement>> worked = candidates.findWorked(customerNos).stream()
				.collect(Collectors.groupingBy(Agreement::getCustomerNo, Collectors.toCollection(ArrayList::new)));
		int opened = 0;
		for (Agreement agreement : chunk) {
			Customer customer = byNumber.get(agreement.getCustomerNo());
			List<Agreement> workedBefore = worked.computeIfAbsent(agreement.getCustomerNo(), no -> new ArrayList<>());
			if (customer == null || customer.getLineStatus() == LineStatus.CLOSED
					|| busy.contains(customer.getCustomerNo())
					|| ExpiryPolicy.alreadyWorked(agreement, workedBefore, settings.openBefore())) {
				continue;
			}
			expiry.open(customer, agreement);
			busy.add(customer.getCustomerNo());
			workedBefore.add(agreement);
			opened++;
		}
		return new Result(opened, agreementIds.size() - opened, 0);
	}
}
