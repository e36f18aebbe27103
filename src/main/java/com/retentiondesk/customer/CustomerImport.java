package com.retentiondesk.customer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
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

import com.retentiondesk.contract.Agreement;
import com.retentiondesk.contract.Agreements;
import com.retentiondesk.imports.ListReport;
import com.retentiondesk.imports.ListTally;

/**
 * Imports customers from BSS exports (CSV or .xlsx), upserting by customer number. Rows are checked
 * one by one; good rows are written in chunks, each chunk its own transaction, so a bad row never
 * costs a good one and a 100k-row file neither holds one huge transaction nor the whole file in
 * memory. Importing the same file twice changes nothing the second time.
 */
@Service
public class CustomerImport {

	private static final Logger log = LoggerFactory.getLogger(CustomerImport.class);

	private final Customers customers;
	private final Agreements agreements;
	private final PhoneManagers phoneManagers;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final int chunkSize;

	CustomerImport(Customers customers, Agreements agreements, PhoneManagers phoneManagers,
			TransactionTemplate transactions, Clock clock, @Value("${desk.import.chunk-size:1000}") int chunkSize) {
		this.customers = customers;
		this.agreements = agreements;
		this.phoneManagers = phoneManagers;
		this.transactions = transactions;
		this.clock = clock;
		this.chunkSize = chunkSize;
	}

	/**
	 * Imports a file; called by {@code POST /api/customers/import} and the demo data.
	 *
	 * @throws IllegalArgumentException when the file as a whole cannot be read (type, encoding,
	 *                                  header without a required column); nothing is written then
	 */
	public ListReport importFile(String filename, InputStream in) throws IOException {
		return importFile(filename, in, new ListTally());
	}

	/** The same, counting into {@code tally} as the rows go (a background job shows its progress from it). */
	public ListReport importFile(String filename, InputStream in, ListTally tally) throws IOException {
		Run run = new Run(filename, tally);
		TabularFile.read(filename, in, run::row);
		run.flush();
		if (run.parser == null) {
			throw new IllegalArgumentException("文件为空: '" + filename + "' 没有表头行");
		}
		ListReport report = tally.report(filename);
		log.info("import {} done: {} rows read, {} created, {} updated, {} unchanged, {} rejected", filename,
				report.rowsRead(), report.created(), report.updated(), report.unchanged(), report.rejectedCount());
		return report;
	}

	/** The state of one import while its rows stream by. */
	private final class Run {

		private final String filename;
		private CustomerRowParser parser;
		private final List<ImportedRow> chunk = new ArrayList<>();
		private final Map<String, Integer> firstLineOf = new HashMap<>();
		private final ListTally tally;

		Run(String filename, ListTally tally) {
			this.filename = filename;
			this.tally = tally;
		}

		void row(int line, List<String> cells) {
			if (parser == null) {
				parser = new CustomerRowParser(header(cells), phoneManagers.phoneManagerIds(), LocalDate.now(clock));
				return;
			}
			tally.read(1);
			List<String> reasons = new ArrayList<>();
			ImportedRow row = parser.parse(line, cells, reasons);
			if (row != null) {
				Integer first = firstLineOf.putIfAbsent(row.customer().customerNo(), line);
				if (first != null) {
					reasons.add("客户编号在文件中重复,已在第" + first + "行导入");
				}
			}
			if (!reasons.isEmpty()) {
				String reason = String.join("; ", reasons);
				tally.rejected(new ListReport.Row(line, parser.customerNo(cells), reason));
				return;
			}
			chunk.add(row);
			if (chunk.size() >= chunkSize) {
				flush();
			}
		}

		private Map<ImportColumn, Integer> header(List<String> cells) {
			Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
			for (int i = 0; i < cells.size(); i++) {
				int position = i;
				ImportColumn.forHeader(String.valueOf(cells.get(i))).ifPresent(c -> positions.putIfAbsent(c, position));
			}
			List<String> missing = java.util.Arrays.stream(ImportColumn.values())
					.filter(c -> c.required && !positions.containsKey(c))
					.map(ImportColumn::label)
					.toList();
			if (!missing.isEmpty()) {
				throw new IllegalArgumentException("表头缺少必需的列: " + String.join(", ", missing));
			}
			return positions;
		}

		void flush() {
			if (chunk.isEmpty()) {
				return;
			}
			try {
				Counts counts = transactions.execute(status -> write(chunk, tally));
				add(counts);
			} catch (RuntimeException chunkFailed) {
				// something only the database noticed (or a concurrent import): retry row by row so
				// that only the offending rows are rejected
				log.warn("import {}: chunk ending at line {} failed ({}), retrying row by row", filename,
						chunk.get(chunk.size() - 1).line(), chunkFailed.getMessage());
				for (ImportedRow row : chunk) {
					try {
						add(transactions.execute(status -> write(List.of(row), tally)));
					} catch (RuntimeException rowFailed) {
						String reason = "数据库拒绝了这一行: " + rootMessage(rowFailed);
						tally.rejected(new ListReport.Row(row.line(), row.customer().customerNo(), reason));
					}
				}
			}
			chunk.clear();
			ListTally.Progress progress = tally.progress();
			log.info("import {}: {} rows read, {} created or updated, {} unchanged, {} rejected so far", filename,
					progress.rowsRead(), progress.opened(), progress.skipped(), progress.rejected());
		}

		private void add(Counts counts) {
			tally.created(counts.created);
			tally.updated(counts.updated);
			tally.unchanged(counts.unchanged);
		}
	}

	private Counts write(List<ImportedRow> rows, ListTally tally) {
		LocalDateTime now = LocalDateTime.now(clock);
		Set<String> numbers = rows.stream().map(r -> r.customer().customerNo()).collect(Collectors.toSet());
		Map<String, Customer> existing = customers.findAllById(numbers).stream()
				.collect(Collectors.toMap(Customer::getCustomerNo, Function.identity()));
		Set<String> knownAgreements = new HashSet<>();
		agreements.findByCustomerNoIn(numbers)
				.forEach(a -> knownAgreements.add(agreementKey(a.getCustomerNo(), a.getAgreementType(), a.getEndDate())));
		Counts counts = new Counts();
		List<Customer> toSave = new ArrayList<>();
		List<Agreement> newAgreements = new ArrayList<>();
		for (ImportedRow row : rows) {
			CustomerData data = row.customer();
			Customer customer = existing.get(data.customerNo());
			boolean changed;
			if (customer == null) {
				toSave.add(Customer.create(data, now));
				counts.created++;
				changed = true;
			} else {
				data = keepVerified(row.line(), customer, data, tally);
				changed = customer.update(data, now);
				if (changed) {
					toSave.add(customer);
				}
			}
			if (row.hasAgreement() && knownAgreements
					.add(agreementKey(data.customerNo(), row.agreementType(), row.agreementEnd()))) {
				newAgreements.add(new Agreement(data.customerNo(), row.agreementType(), row.agreementEnd(), now));
				changed = true;
			}
			if (customer != null) {
				if (changed) {
					counts.updated++;
				} else {
					counts.unchanged++;
				}
			}
		}
		customers.saveAll(toSave);
		customers.flush();
		agreements.saveAll(newAgreements);
		return counts;
	}

	/**
	 * The row with the values a manager verified with the customer kept (issue 28): a different imported value
	 * is reported as a conflict for the manager to confirm; an empty one (the BSS does not have it) is ignored.
	 */
	private static CustomerData keepVerified(int line, Customer customer, CustomerData data, ListTally tally) {
		CustomerData kept = data;
		for (ProfileField field : ProfileField.BASICS) {
			String verified = customer.profileValue(field);
			String imported = ImportedProfile.valueOf(data, field);
			if (customer.isVerified(field) && !java.util.Objects.equals(verified, imported)) {
				if (imported != null) {
					tally.conflict(new ListReport.Conflict(line, customer.getCustomerNo(), field.label(), verified, imported));
				}
				kept = ImportedProfile.with(kept, field, verified);
			}
		}
		return kept;
	}

	private static String agreementKey(String customerNo, Object type, LocalDate end) {
		return customerNo + '|' + type + '|' + end;
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
	}
}
