package com.retentiondesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.retentiondesk.DeskTest;
import com.retentiondesk.imports.ListReport;

/** An import never overwrites a value a manager verified with the customer (issue 28 point 5). */
@DeskTest
class ImportConflictTest {

	private static final String HEADER = "客户编号,姓名,服务号码,网络,客户分群,星级,付费类型,余额,欠费月数,状态,电话经理,证件类型,证件号码,地址,第二联系电话\n";

	@Autowired
	CustomerImport customerImport;
	@Autowired
	Customers customers;

	@Test
	void shouldKeepVerifiedValuesReportDifferentOnesAndTakeUnverifiedOnes() throws IOException {
		importCsv(HEADER + "ICF1,钱一,13355550001,CDMA,普1,5,PREPAID,20,0,ACTIVE,manager1,身份证,440101198001010011,旧地址,13955550001\n");
		Customer customer = customers.findById("ICF1").orElseThrow();
		customer.verify(ProfileField.ADDRESS, "manager1", LocalDateTime.parse("2026-12-01T10:00"));
		customer.verify(ProfileField.ID_NO, "manager1", LocalDateTime.parse("2026-12-01T10:00"));
		customers.saveAndFlush(customer);

		// the address differs (a conflict), the ID number is empty (kept, nothing to confirm), the phone is not verified
		ListReport report = importCsv(HEADER
				+ "ICF1,钱一,13355550001,CDMA,普1,5,PREPAID,20,0,ACTIVE,manager1,身份证,,新地址,13955550009\n");

		assertThat(report.updated()).isOne();
		assertThat(report.conflicts()).containsExactly(
				new ListReport.Conflict(2, "ICF1", "详细地址", "旧地址", "新地址"));
		Customer after = customers.findById("ICF1").orElseThrow();
		assertThat(after.profileValue(ProfileField.ADDRESS)).isEqualTo("旧地址");
		assertThat(after.isVerified(ProfileField.ADDRESS)).isTrue();
		assertThat(after.profileValue(ProfileField.ID_NO)).isEqualTo("440101198001010011");
		assertThat(after.isVerified(ProfileField.ID_NO)).isTrue();
		assertThat(after.profileValue(ProfileField.SECOND_PHONE)).isEqualTo("13955550009");

		ListReport same = importCsv(HEADER
				+ "ICF1,钱一,13355550001,CDMA,普1,5,PREPAID,20,0,ACTIVE,manager1,身份证,440101198001010011,旧地址,13955550009\n");
		assertThat(same.unchanged()).isOne();
		assertThat(same.conflicts()).isEmpty();
	}

	private ListReport importCsv(String csv) throws IOException {
		return customerImport.importFile("icf.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}
}
