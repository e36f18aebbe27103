package com.retentiondesk.usage;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;

import com.retentiondesk.billing.MonthlyBill;
import com.retentiondesk.billing.MonthlyBills;
import com.retentiondesk.billing.UsagePackage;
import com.retentiondesk.casework.CaseBriefs;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.ChunkedScan;
import com.retentiondesk.casework.ChunkedScan.Result;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.LineStatus;
import com.retentiondesk.packageadvice.PackageAdviceCases;
import com.retentiondesk.trafficdecline.DeclineStage;
import com.retentiondesk.trafficdecline.TrafficDeclineCases;

/**
 * The monthly usage-warning scan: for every customer with a bill in "this month" (the month before the
 * scan's month), in chunks ({@link ChunkedScan}, the arrears scan's locking), opens a traffic-decline case
 * when the bill fell from last month ({@link TrafficDeclineCases#stage}) and a package-advice case when
 * decision {@code PackageAdvice} advises. It skips closed and barred lines (单停, 双停) and customers in a
 * win-back case; a customer gets one case per type and usage month (a second scan of the month opens
 * nothing), and none while a case of the type from an earlier month is still open.
 */
@Service("usageCaseScan")
public class UsageWarningScan {

	private static final Set<LineStatus> SKIPPED_LINES = EnumSet.of(LineStatus.CLOSED, LineStatus.SINGLE_STOP,
			LineStatus.DOUBLE_STOP);
	/** Months of bills a chunk reads: the package advice counts months running. */
	private static final int HISTORY_MONTHS = 6;

	private final Customers customers;
	private final MonthlyBills bills;
	private final RetentionCases cases;
	private final TrafficDeclineCases declines;
	private final PackageAdviceCases advice;
	private final CaseBriefs briefs;
	private final ChunkedScan scan;
	private final int chunkSize;

	UsageWarningScan(Customers customers, MonthlyBills bills, RetentionCases cases, TrafficDeclineCases declines,
			PackageAdviceCases advice, CaseBriefs briefs, ChunkedScan scan,
			@Value("${desk.usage.scan-chunk-size:200}") int chunkSize) {
		this.customers = customers;
		this.bills = bills;
		this.cases = cases;
		this.declines = declines;
		this.advice = advice;
		this.briefs = briefs;
		this.scan = scan;
		this.chunkSize = chunkSize;
	}

	/** Scans the two months before {@code scanMonth}. */
	public Result run(YearMonth scanMonth) {
		YearMonth thisMonth = UsageScanPolicy.thisMonth(scanMonth);
		String month = thisMonth.toString();
		PackageAdviceCases.Adviser adviser = advice.adviser();
		return scan.<String>run("usage scan " + month,
				after -> bills.findCustomersBilledIn(month, after == null ? "" : after, Limit.of(chunkSize)),
				chunk -> openChunk(chunk, thisMonth, adviser),
				customerNo -> cases.existsByCustomerNoAndCaseTypeAndUsageMonth(customerNo, CaseType.TRAFFIC_DECLINE, month)
						|| cases.existsByCustomerNoAndCaseTypeAndUsageMonth(customerNo, CaseType.PACKAGE_ADVICE, month));
	}

	private Result openChunk(List<String> customerNos, YearMonth thisMonth, PackageAdviceCases.Adviser adviser) {
		Map<String, UsagePackage> catalogue = adviser.catalogue();
		String month = thisMonth.toString();
		YearMonth lastMonth = thisMonth.minusMonths(1);
		// lock first, then look for cases: a scan on another node that has the chunk waits for us
		Map<String, Customer> byNumber = customers.lockAll(customerNos).stream()
				.collect(Collectors.toMap(Customer::getCustomerNo, Function.identity()));
		Set<String> winback = cases.findCustomersWithOpenCase(CaseType.SUSPENDED_WINBACK, customerNos);
		Set<String> noDecline = new HashSet<>(cases.findCustomersWithOpenCase(CaseType.TRAFFIC_DECLINE, customerNos));
		noDecline.addAll(cases.findCustomersWithUsageCase(CaseType.TRAFFIC_DECLINE, month, customerNos));
		Set<String> noAdvice = new HashSet<>(cases.findCustomersWithOpenCase(CaseType.PACKAGE_ADVICE, customerNos));
		noAdvice.addAll(cases.findCustomersWithUsageCase(CaseType.PACKAGE_ADVICE, month, customerNos));
		Map<String, List<MonthlyBill>> history = new HashMap<>();
		for (MonthlyBill bill : bills.findForCustomers(customerNos, thisMonth.minusMonths(HISTORY_MONTHS - 1).toString(),
				month)) {
			history.computeIfAbsent(bill.getCustomerNo(), c -> new ArrayList<>()).add(bill);
		}
		List<Runnable> openings = new ArrayList<>();
		List<String> due = new ArrayList<>();
		CaseBriefs.RecentContacts[] contacts = new CaseBriefs.RecentContacts[1];
		for (String customerNo : customerNos) {
			Customer customer = byNumber.get(customerNo);
			if (customer == null || SKIPPED_LINES.contains(customer.getLineStatus()) || winback.contains(customerNo)) {
				continue;
			}
			List<MonthlyBill> own = history.getOrDefault(customerNo, List.of());
			MonthlyBill current = own.stream().filter(b -> b.getMonth().equals(thisMonth)).findFirst().orElse(null);
			if (current == null) {
				continue;
			}
			boolean opens = false;
			if (!noDecline.contains(customerNo)) {
				MonthlyBill last = own.stream().filter(b -> b.getMonth().equals(lastMonth)).findFirst().orElse(null);
				DeclineStage stage = declines.stage(customer, last, current).orElse(null);
				if (stage != null) {
					openings.add(() -> declines.open(customer, last, current, stage, contacts[0]));
					opens = true;
				}
			}
			if (!noAdvice.contains(customerNo)) {
				PackageAdviceCases.Advice advised = adviser.advise(thisMonth, own).orElse(null);
				if (advised != null) {
					openings.add(() -> advice.open(customer, thisMonth, advised, catalogue, contacts[0]));
					opens = true;
				}
			}
			if (opens) {
				due.add(customerNo);
			}
		}
		// one query for the chunk's contact history and bills instead of one per case
		contacts[0] = briefs.recentContacts(due);
		openings.forEach(Runnable::run);
		return new Result(openings.size(), customerNos.size() - due.size(), 0);
	}
}
