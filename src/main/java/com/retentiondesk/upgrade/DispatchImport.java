package com.retentiondesk.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.ChunkedScan;
import com.retentiondesk.casework.ChunkedScan.Result;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.LineStatus;
import com.retentiondesk.customer.Network;
import com.retentiondesk.customer.TabularFile;
import com.retentiondesk.imports.ListReport;
import com.retentiondesk.imports.ListTally;

/**
 * Dispatched target lists (派单): one upgrade case per listed PHS customer whose line is not closed,
 * who has no open upgrade case, was not already dispatched in the same campaign and did not decline an
 * upgrade within {@code desk.upgrade.reopen-after}. The rows are
 * read (CSV or .xlsx) and checked first; the cases then open in chunks (see {@link ChunkedScan}), each
 * locking its customers first.
 */
@Service
public class DispatchImport {

	private static final Logger log = LoggerFactory.getLogger(DispatchImport.class);
	private static final Pattern CUSTOMER_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
	/** Reasons that refuse a row; the others (open case, already dispatched, repeated in the file) leave it unchanged. */
	private static final java.util.Set<String> REFUSED = java.util.Set.of("未知客户", "不是小灵通客户", "线路已拆机");

	private final Customers customers;
	private final RetentionCases cases;
	private final UpgradeCases upgrades;
	private final UpgradeSettings settings;
	private final ChunkedScan scan;
	private final UpgradeHistory history;
	private final Clock clock;

	DispatchImport(Customers customers, RetentionCases cases, UpgradeCases upgrades, UpgradeSettings settings,
			ChunkedScan scan, UpgradeHistory history, Clock clock) {
		this.history = history;
		this.customers = customers;
		this.cases = cases;
		this.upgrades = upgrades;
		this.settings = settings;
		this.scan = scan;
		this.clock = clock;
	}

	/** A listed customer, as read from the file. */
	private record Entry(int line, String customerNo, String offer, String note) {
	}

	/**
	 * Checks what a dispatch names besides its file, before the file is read (also before a long list
	 * goes to the background).
	 *
	 * @return the campaign's name, trimmed
	 * @throws IllegalArgumentException naming the field
	 */
	public String check(String campaign, LocalDate deadline) {
		if (campaign == null || campaign.isBlank() || campaign.length() > 100) {
			throw new IllegalArgumentException("campaign: 请填写派单活动名称(最多100个字)");
		}
		if (deadline == null || deadline.isBefore(LocalDate.now(clock))) {
			throw new IllegalArgumentException("deadline: 派单期限不能为空或早于今天: " + deadline);
		}
		return campaign.trim();
	}

	/**
	 * @throws IllegalArgumentException when the campaign, the deadline or the file as a whole is not
	 *                                  acceptable; nothing is opened then
	 */
	public ListReport importFile(String filename, InputStream in, String campaign, LocalDate deadline)
			throws IOException {
		return importFile(filename, in, campaign, deadline, new ListTally());
	}

	/**
	 * The same, counting into {@code tally} as the rows go (a background job shows its progress from it).
	 * In the report, {@code created} counts the cases opened and {@code unchanged} the rows skipped (the
	 * reasons in {@code unchangedByReason}: unknown customer, not PHS, case already open...).
	 */
	public ListReport importFile(String filename, InputStream in, String campaign, LocalDate deadline, ListTally tally)
			throws IOException {
		String name = check(campaign, deadline);
		List<Entry> entries = new ArrayList<>();
		Map<String, Integer> firstLine = new HashMap<>();
		// chunks open on two threads (ChunkedScan): the skipped rows are a concurrent map
		Map<Integer, ListReport.Row> skipped = new ConcurrentSkipListMap<>();
		int[] positions = new int[3]; // customer number, offer, note
		boolean[] header = { true };
		TabularFile.read(filename, in, (line, cells) -> {
			if (header[0]) {
				header[0] = false;
				readHeader(cells, positions);
				return;
			}
			tally.read(1);
			String customerNo = cell(cells, positions[0]);
			if (customerNo == null) {
				tally.rejected(new ListReport.Row(line, null, "缺少客户编号/customer_no"));
			} else if (!CUSTOMER_NO.matcher(customerNo).matches()) {
				tally.rejected(new ListReport.Row(line, customerNo, "客户编号格式错误: '" + customerNo + "'"));
			} else if (firstLine.putIfAbsent(customerNo, line) != null) {
				skipped.put(line, new ListReport.Row(line, customerNo,
						"文件中重复,已在第" + firstLine.get(customerNo) + "行派单"));
			} else {
				entries.add(new Entry(line, customerNo, cell(cells, positions[1]), cell(cells, positions[2])));
			}
		});
		if (header[0]) {
			throw new IllegalArgumentException("文件为空: '" + filename + "' 没有表头行");
		}
		firstLine.clear();
		Result result = scan.<Integer>run("dispatch " + name,
				(Integer after) -> page(entries.size(), after),
				(List<Integer> chunk) -> openChunk(chunk.stream().map(entries::get).toList(), name, deadline, skipped,
						tally),
				(Integer index) -> cases.findOpen(entries.get(index).customerNo(), CaseType.PHS_UPGRADE).isPresent());
		if (result.failed() > 0) {
			// rare (database trouble): name the rows whose case did not open, so they can be sent again
			for (Entry entry : entries) {
				if (!skipped.containsKey(entry.line())
						&& !cases.existsByCustomerNoAndCaseTypeAndCampaign(entry.customerNo(), CaseType.PHS_UPGRADE, name)) {
					tally.rejected(new ListReport.Row(entry.line(), entry.customerNo(), "开案失败,请稍后重新派单"));
				}
			}
		}
		tally.createdInAll(result.opened());
		// a row about a customer the campaign cannot reach is refused (listed with its line); a row about one
		// already dispatched changes nothing
		skipped.values().forEach(row -> {
			if (REFUSED.contains(row.reason())) {
				tally.rejected(row);
			} else {
				tally.unchanged(row.reason());
			}
		});
		ListReport report = tally.report(filename);
		log.info("dispatch {} ({}): {} rows, {} cases opened, {} skipped, {} rejected", name, filename,
				report.rowsRead(), report.created(), report.unchanged(), report.rejectedCount());
		return report;
	}

	/** The next chunk of entry indexes after the given one. */
	private List<Integer> page(int size, Integer after) {
		int from = after == null ? 0 : after + 1;
		return java.util.stream.IntStream.range(from, Math.min(size, from + settings.chunkSize())).boxed().toList();
	}

	private Result openChunk(List<Entry> chunk, String campaign, LocalDate deadline,
			Map<Integer, ListReport.Row> skipped, ListTally tally) {
		int opened = 0;
		List<String> customerNos = chunk.stream().map(Entry::customerNo).toList();
		// lock first, then look for open cases (as the daily scans do): a dispatch of the same list on
		// another node waits for this chunk and then finds its cases open
		Map<String, Customer> byNumber = new HashMap<>();
		customers.lockAll(customerNos).forEach(c -> byNumber.put(c.getCustomerNo(), c));
		Set<String> open = cases.findCustomersWithOpenCase(CaseType.PHS_UPGRADE, customerNos);
		Set<String> dispatched = history.findDispatchedIn(campaign, customerNos);
		Set<String> declined = history.findDeclinedSince(customerNos,
				LocalDateTime.now(clock).minus(settings.reopenAfter()));
		for (Entry entry : chunk) {
			Customer customer = byNumber.get(entry.customerNo());
			String reason = customer == null ? "未知客户"
					: customer.getNetwork() != Network.PHS ? "不是小灵通客户"
					: customer.getLineStatus() == LineStatus.CLOSED ? "线路已拆机"
					: open.contains(entry.customerNo()) ? "已有未结的升级案件"
					: dispatched.contains(entry.customerNo()) ? "本活动已派过单"
					: declined.contains(entry.customerNo()) ? "近期已拒绝升级"
					: null;
			if (reason != null) {
				skipped.put(entry.line(), new ListReport.Row(entry.line(), entry.customerNo(), reason));
			} else {
				upgrades.open(customer, campaign, deadline, entry.offer(), entry.note());
				skipped.remove(entry.line());
				opened++;
			}
		}
		tally.created(opened); // for the progress; a chunk that is redone row by row counts again, corrected at the end
		return new Result(opened, chunk.size() - opened, 0);
	}

	private static void readHeader(List<String> cells, int[] positions) {
		positions[0] = positions[1] = positions[2] = -1;
		for (int i = 0; i < cells.size(); i++) {
			String name = String.valueOf(cells.get(i)).replace("\uFEFF", "").trim();
			if (name.equalsIgnoreCase("customer_no") || name.equals("客户编号")) {
				positions[0] = i;
			} else if (name.equalsIgnoreCase("offer") || name.equals("推荐方案")) {
				positions[1] = i;
			} else if (name.equalsIgnoreCase("note") || name.equals("备注")) {
				positions[2] = i;
			}
		}
		if (positions[0] < 0) {
			throw new IllegalArgumentException("表头缺少必需的列: 客户编号/customer_no");
		}
	}

	private static String cell(List<String> cells, int position) {
		if (position < 0 || position >= cells.size() || cells.get(position) == null || cells.get(position).isBlank()) {
			return null;
		}
		return cells.get(position).trim();
	}
}
