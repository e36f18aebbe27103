package com.retentiondesk.billing;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.TabularFile;
import com.retentiondesk.imports.ListReport;
import com.retentiondesk.imports.ListTally;

/**
 * The monthly usage feed (月度话费数据): billing's amounts, calls, minutes and package per customer and
 * month, upserted by customer and month. Rows are checked one by one; good rows are written in chunks,
 * each its own transaction (a bad row never costs a good one, a 100k-row feed holds neither one huge
 * transaction nor the whole file in memory); a feed sent twice changes nothing the second time.
 */
@Service
public class UsageFeed {

	private static final Logger log = LoggerFactory.getLogger(UsageFeed.class);
	static final String JSON_SOURCE = "(JSON)";

	private final MonthlyBills bills;
	private final Customers customers;
	private final UsagePackages packages;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final int chunkSize;

	UsageFeed(MonthlyBills bills, Customers customers, UsagePackages packages, TransactionTemplate transactions,
			Clock clock, @Value("${desk.import.chunk-size:1000}") int chunkSize) {
		this.bills = bills;
		this.customers = customers;
		this.packages = packages;
		this.transactions = transactions;
		this.clock = clock;
		this.chunkSize = chunkSize;
	}

	/**
	 * A CSV or .xlsx file with a header row ({@link UsageColumn}: English or Chinese names).
	 *
	 * @throws IllegalArgumentException when the file as a whole cannot be read or lacks a required column
	 */
	public ListReport feedFile(String filename, InputStream in) throws IOException {
		Run run = new Run(filename);
		TabularFile.read(filename, in, run::fileRow);
		if (run.header == null) {
			throw new IllegalArgumentException("文件为空: '" + filename + "' 没有表头行");
		}
		return run.finish();
	}

	/** A JSON array of row objects; an element that is no object is a rejected row. */
	public ListReport feedJson(JsonNode rows) {
		if (rows == null || !rows.isArray()) {
			throw new IllegalArgumentException("请求体应为 JSON 数组: [{\"customerNo\", \"month\", \"amount\", \"calls\", \"minutes\", \"packageCode\"}]");
		}
		Run run = new Run(JSON_SOURCE);
		int line = 0;
		for (JsonNode row : rows) {
			line++;
			Map<UsageColumn, String> values = new EnumMap<>(UsageColumn.class);
			if (!row.isObject()) {
				run.reject(line, null, "不是 JSON 对象: " + abbreviate(row.toString()));
				continue;
			}
			for (Iterator<Map.Entry<String, JsonNode>> fields = row.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				JsonNode value = field.getValue();
				UsageColumn.forName(field.getKey()).ifPresent(column -> values.put(column,
						value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString()));
			}
			run.row(line, values);
		}
		return run.finish();
	}

	private static String abbreviate(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	/** The state of one feed while its rows stream by. */
	private final class Run {

		private final String source;
		private final YearMonth currentMonth = YearMonth.now(clock);
		private final Set<String> packageCodes = packages.findAll().stream().map(UsagePackage::getCode)
				.collect(Collectors.toSet());
		private Map<UsageColumn, Integer> header;
		private final List<UsageRow> chunk = new ArrayList<>();
		private final Map<String, Integer> firstLineOf = new HashMap<>();
		private final ListTally tally = new ListTally();

		Run(String source) {
			this.source = source;
		}

		void fileRow(int line, List<String> cells) {
			if (header == null) {
				header = header(cells);
				return;
			}
			Map<UsageColumn, String> values = new EnumMap<>(UsageColumn.class);
			header.forEach((column, at) -> values.put(column, at < cells.size() ? cells.get(at) : null));
			row(line, values);
		}

		private Map<UsageColumn, Integer> header(List<String> cells) {
			Map<UsageColumn, Integer> positions = new EnumMap<>(UsageColumn.class);
			for (int i = 0; i < cells.size(); i++) {
				int position = i;
				UsageColumn.forName(String.valueOf(cells.get(i))).ifPresent(c -> positions.putIfAbsent(c, position));
			}
			List<String> missing = java.util.Arrays.stream(UsageColumn.values())
					.filter(c -> c.required && !positions.containsKey(c)).map(UsageColumn::label).toList();
			if (!missing.isEmpty()) {
				throw new IllegalArgumentException("表头缺少必需的列: " + String.join(", ", missing));
			}
			return positions;
		}

		void row(int line, Map<UsageColumn, String> values) {
			List<String> reasons = new ArrayList<>();
			UsageRow row = UsageRow.parse(line, values, currentMonth, packageCodes, reasons);
			if (row != null) {
				Integer first = firstLineOf.putIfAbsent(row.customerNo() + '|' + row.month(), line);
				if (first != null) {
					reasons.add("客户和月份在" + (source == JSON_SOURCE ? "请求" : "文件") + "中重复,已在第" + first + "行读入");
				}
			}
			if (!reasons.isEmpty()) {
				reject(line, values.get(UsageColumn.CUSTOMER_NO), String.join("; ", reasons));
				return;
			}
			tally.read(1);
			chunk.add(row);
			if (chunk.size() >= chunkSize) {
				flush();
			}
		}

		void reject(int line, String customerNo, String reason) {
			tally.read(1);
			tally.rejected(new ListReport.Row(line, customerNo == null || customerNo.isBlank() ? null : customerNo.strip(),
					reason));
		}

		ListReport finish() {
			flush();
			ListReport report = tally.report(source);
			log.info("usage feed {} done: {} rows read, {} created, {} updated, {} unchanged, {} rejected", source,
					report.rowsRead(), report.created(), report.updated(), report.unchanged(), report.rejectedCount());
			return report;
		}

		void flush() {
			if (chunk.isEmpty()) {
				return;
			}
			try {
				add(transactions.execute(status -> write(chunk)));
			} catch (RuntimeException chunkFailed) {
				// something only the database noticed (a concurrent feed of the same rows): row by row
				log.warn("usage feed {}: chunk ending at line {} failed ({}), retrying row by row", source,
						chunk.get(chunk.size() - 1).line(), chunkFailed.getMessage());
				for (UsageRow row : chunk) {
					try {
						add(transactions.execute(status -> write(List.of(row))));
					} catch (RuntimeException rowFailed) {
						String reason = "数据库拒绝了这一行: " + rootMessage(rowFailed);
						tally.rejected(new ListReport.Row(row.line(), row.customerNo(), reason));
					}
				}
			}
			chunk.clear();
			ListTally.Progress progress = tally.progress();
			log.info("usage feed {}: {} rows read, {} created or updated, {} unchanged, {} rejected so far", source,
					progress.rowsRead(), progress.opened(), progress.skipped(), progress.rejected());
		}

		private void add(Counts counts) {
			tally.created(counts.created);
			tally.updated(counts.updated);
			tally.unchanged(counts.unchanged);
			counts.unknown.forEach(row -> tally.rejected(new ListReport.Row(row.line(), row.customerNo(),
					"未知客户: '" + row.customerNo() + "'(请先导入客户资料)")));
		}
	}

	private Counts write(List<UsageRow> rows) {
		LocalDateTime now = LocalDateTime.now(clock);
		Set<String> numbers = rows.stream().map(UsageRow::customerNo).collect(Collectors.toSet());
		Set<String> months = rows.stream().map(r -> r.month().toString()).collect(Collectors.toSet());
		Set<String> known = customers.findKnownNumbers(numbers);
		Map<String, MonthlyBill> existing = bills.findExisting(numbers, months).stream()
				.collect(Collectors.toMap(b -> b.getCustomerNo() + '|' + b.getMonth(), Function.identity()));
		Counts counts = new Counts();
		List<MonthlyBill> toSave = new ArrayList<>();
		for (UsageRow row : rows) {
			if (!known.contains(row.customerNo())) {
				counts.unknown.add(row);
				continue;
			}
			MonthlyBill bill = existing.get(row.customerNo() + '|' + row.month());
			if (bill == null) {
				toSave.add(new MonthlyBill(row.customerNo(), row.month(), row.amount(), row.calls(), row.minutes(),
						row.packageCode(), now));
				counts.created++;
			} else if (bill.update(row.amount(), row.calls(), row.minutes(), row.packageCode(), now)) {
				counts.updated++;
			} else {
				counts.unchanged++;
			}
		}
		bills.saveAll(toSave);
		return counts;
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage();
	}

	private static final class Counts {
		int created;
		int updated;
		int unchanged;
		final List<UsageRow> unknown = new ArrayList<>();
	}
}
