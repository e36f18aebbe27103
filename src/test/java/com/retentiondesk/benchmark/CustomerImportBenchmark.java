package com.retentiondesk.benchmark;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import com.retentiondesk.DeskTest;
import com.retentiondesk.customer.CustomerImport;
import com.retentiondesk.imports.ListReport;

/**
 * Imports a generated list of 100,000 customers twice (all new, then all unchanged) and prints rows
 * per second and peak heap. Not part of {@code mvn test}; run it with
 * {@code mvn -Pbenchmark test -Dtest=CustomerImportBenchmark} (H2) or
 * {@code CustomerImportMariaDbBenchmark} (MariaDB, see docs/benchmarks.md).
 */
@Tag("benchmark")
@DeskTest
class CustomerImportBenchmark extends ImportBenchmark {
}

/** The benchmark itself; the subclasses choose the database. */
abstract class ImportBenchmark {

	static final int ROWS = Integer.getInteger("benchmark.rows", 100_000);
	private static final Logger log = LoggerFactory.getLogger(ImportBenchmark.class);

	@Autowired
	CustomerImport customerImport;

	@Test
	void importAHundredThousandCustomersTwice() throws Exception {
		byte[] csv = generate(ROWS);
		log.info("BENCHMARK customer import: {} rows, {} MB of CSV", ROWS, csv.length / 1024 / 1024);
		run("first import (all new)", csv);
		run("second import (all unchanged)", csv);
	}

	private void run(String label, byte[] csv) throws Exception {
		resetPeaks();
		long start = System.nanoTime();
		ListReport report = customerImport.importFile("benchmark.csv", new ByteArrayInputStream(csv));
		double seconds = (System.nanoTime() - start) / 1e9;
		if (report.rejected().size() > 0 || report.rowsRead() != ROWS) {
			throw new AssertionError("benchmark data was not imported cleanly: " + report.rejected().get(0));
		}
		log.info("BENCHMARK {}: {} s, {} rows/s, created {}, updated {}, unchanged {}, peak heap {} MB", label,
				String.format("%.1f", seconds), Math.round(ROWS / seconds), report.created(), report.updated(),
				report.unchanged(), peakHeapMb());
	}

	static byte[] generate(int rows) {
		StringBuilder csv = new StringBuilder(rows * 140);
		csv.append("customer_no,name,service_no,network,segment,star_level,payment_type,balance,arrears_months,")
				.append("line_status,manager,birthday,email,agreement_type,agreement_end\n");
		for (int i = 0; i < rows; i++) {
			boolean cdma = i % 3 == 0;
			csv.append(String.format("BM%07d,客户%d,133%08d,%s,%s,%d,%s,%d.%02d,%d,ACTIVE,manager%d,19%02d-%02d-%02d,",
					i, i, i, cdma ? "CDMA" : "PHS", cdma ? "普1" : "中高端", i % 8, i % 2 == 0 ? "PREPAID" : "POSTPAID",
					i % 200, i % 100, i % 4, 1 + i % 8, 50 + i % 50, 1 + i % 12, 1 + i % 28));
			csv.append(i % 5 == 0 ? "bm" + i + "@example.cn" : "");
			csv.append(i % 7 == 0 ? ",RECHARGE_BINDING,2027-0" + (1 + i % 9) + "-15\n" : ",,\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeapMb() {
		return ManagementFactory.getMemoryPoolMXBeans().stream()
				.filter(pool -> pool.getType() == MemoryType.HEAP)
				.mapToLong(pool -> pool.getPeakUsage().getUsed())
				.sum() / 1024 / 1024;
	}
}
