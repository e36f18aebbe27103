package com.retentiondesk.arrears;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;

/**
 * Opens arrears cases for every customer who is due and has no open arrears case, in chunks: each
 * chunk is one engine command in a new transaction, so a long scan commits as it goes, a crash loses
 * at most one chunk, and a rerun continues where the last one stopped. When a chunk fails (a
 * concurrent scan on another node opened one of its cases first) it is redone customer by customer.
 */
@Service("arrearsCaseScan")
public class ArrearsScan {

	/** What a scan did. */
	public record Result(int opened, int skipped, int failed) {
	}

	private static final Logger log = LoggerFactory.getLogger(ArrearsScan.class);

	private final Customers customers;
	private final RetentionCases cases;
	private final ArrearsCases arrears;
	private final ArrearsSettings settings;
	private final CommandExecutor ownTransaction;

	ArrearsScan(Customers customers, RetentionCases cases, ArrearsCases arrears, ArrearsSettings settings,
			ProcessEngineConfigurationImpl engineConfiguration) {
		this.customers = customers;
		this.cases = cases;
		this.arrears = arrears;
		this.settings = settings;
		this.ownTransaction = engineConfiguration.getCommandExecutorTxRequiresNew();
	}

	public Result run() {
		int opened = 0;
		int skipped = 0;
		int failed = 0;
		String after = "";
		while (true) {
			List<String> page = customers.findArrearsCandidates(after, settings.prepaidBalanceBelow(),
					settings.postpaidArrearsMonths(), Limit.of(settings.scanChunkSize()));
			if (page.isEmpty()) {
				break;
			}
			after = page.get(page.size() - 1);
			Result chunk;
			try {
				chunk = ownTransaction.execute(context -> openChunk(page));
			} catch (RuntimeException e) {
				log.warn("arrears scan: chunk up to {} failed ({}); opening its cases one by one", after, e.getMessage());
				chunk = oneByOne(page);
			}
			opened += chunk.opened();
			skipped += chunk.skipped();
			failed += chunk.failed();
			log.info("arrears scan: up to customer {}: {} opened, {} skipped, {} failed so far", after, opened, skipped,
					failed);
		}
		log.info("arrears scan done: {} cases opened, {} skipped (open case or no longer due), {} failed", opened,
				skipped, failed);
		return new Result(opened, skipped, failed);
	}

	private Result openChunk(List<String> customerNos) {
		Set<String> withOpenCase = cases.findCustomersWithOpenCase(CaseType.ARREARS_REMINDER, customerNos);
		Map<String, Customer> byNumber = customers.findAllById(customerNos).stream()
				.collect(Collectors.toMap(Customer::getCustomerNo, Function.identity()));
		int opened = 0;
		int skipped = 0;
		for (String customerNo : customerNos) {
			Customer customer = byNumber.get(customerNo);
			if (customer == null || withOpenCase.contains(customerNo) || !arrears.isDue(customer)) {
				skipped++;
			} else {
				arrears.open(customer);
				opened++;
			}
		}
		return new Result(opened, skipped, 0);
	}

	private Result oneByOne(List<String> customerNos) {
		int opened = 0;
		int skipped = 0;
		int failed = 0;
		for (String customerNo : customerNos) {
			try {
				Result one = ownTransaction.execute(context -> openChunk(List.of(customerNo)));
				opened += one.opened();
				skipped += one.skipped();
			} catch (RuntimeException e) {
				if (cases.findOpen(customerNo, CaseType.ARREARS_REMINDER).isPresent()) {
					skipped++; // opened by a concurrent scan in the meantime
				} else {
					failed++;
					log.error("arrears scan: cannot open a case for customer {}: {}", customerNo, e.getMessage());
				}
			}
		}
		return new Result(opened, skipped, failed);
	}
}
