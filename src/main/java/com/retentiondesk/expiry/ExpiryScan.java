package com.retentiondesk.expiry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

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
 * yet, unless the customer's line is closed or the customer has an open expiry case (a second
 * agreement then waits for a later scan), in chunks (see {@link ChunkedScan}).
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
		int opened = 0;
		int skipped = 0;
		for (Agreement agreement : agreements.findAllById(agreementIds)) {
			Customer customer = customers.findById(agreement.getCustomerNo()).orElse(null);
			if (customer == null || customer.getLineStatus() == LineStatus.CLOSED
					|| cases.findOpen(customer.getCustomerNo(), CaseType.CONTRACT_EXPIRY).isPresent()) {
				skipped++;
			} else {
				expiry.open(customer, agreement);
				opened++;
			}
		}
		return new Result(opened, skipped, 0);
	}
}
