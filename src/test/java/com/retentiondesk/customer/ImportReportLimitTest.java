package com.retentiondesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;

/**
 * Issue 24, finding 6 (the shape of issue 23): a file of bad rows gets a report of bounded size, the
 * counts per reason and the first 1,000 rejected rows, however long the file.
 */
@DeskTest
class ImportReportLimitTest {

	private static final String HEADER = "customer_no,name,service_no,network,segment,star_level,payment_type,balance,"
			+ "arrears_months,line_status,manager\n";

	@Autowired
	TestRestTemplate http;

	@Test
	@SuppressWarnings("unchecked")
	void shouldReportCountsPerReasonAndOnlyTheFirstThousandRejectedRows() {
		StringBuilder csv = new StringBuilder(HEADER);
		csv.append("LIM0001,好人,13300009999,CDMA,,5,POSTPAID,-8,2,ACTIVE,manager1\n");
		for (int i = 0; i < 1300; i++) {
			csv.append("LIMA").append(i).append(",,13300001111,CDMA,,5,POSTPAID,-8,2,ACTIVE,manager1\n");
			csv.append("LIMB").append(i).append(",网络,13300001111,GSM").append(i).append(",,5,POSTPAID,-8,2,ACTIVE,manager1\n");
		}

		ResponseEntity<Map> answer = importCsv(csv.toString());

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> report = answer.getBody();
		assertThat(report).containsEntry("rowsRead", 2601).containsEntry("created", 1).containsEntry("rejectedCount", 2600);
		assertThat((Map<String, Object>) report.get("rejectedByReason")).containsExactlyInAnyOrderEntriesOf(
				Map.of("缺少姓名/name", 1300, "未知网络/network", 1300));
		List<Map<String, Object>> listed = (List<Map<String, Object>>) report.get("rejected");
		assertThat(listed).hasSize(1000);
		assertThat(listed.get(0)).containsEntry("line", 3);
		assertThat(listed.get(999)).containsEntry("line", 1002);
		assertThat((String) listed.get(1).get("reason")).contains("GSM0");
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldReportCountsPerReasonAndOnlyTheFirstThousandRejectedRowsOfADispatch() {
		StringBuilder csv = new StringBuilder("customer_no,offer\n");
		for (int i = 0; i < 1500; i++) {
			csv.append("坏号").append(i).append(",套餐\n");
		}

		ResponseEntity<Map> answer = upload("/api/dispatches", csv.toString(), "limit-dispatch.csv", "上限活动");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> report = answer.getBody();
		assertThat(report).containsEntry("rowsRead", 1500).containsEntry("created", 0)
				.containsEntry("rejectedCount", 1500).containsEntry("unchanged", 0);
		assertThat((Map<String, Object>) report.get("rejectedByReason")).containsExactlyEntriesOf(Map.of("客户编号格式错误", 1500));
		assertThat((List<Object>) report.get("rejected")).hasSize(1000);
	}

	private ResponseEntity<Map> importCsv(String csv) {
		return upload("/api/customers/import", csv, "limit.csv", null);
	}

	private ResponseEntity<Map> upload(String path, String csv, String name, String campaign) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		if (campaign != null) {
			form.add("campaign", campaign);
			form.add("deadline", java.time.LocalDate.now().plusDays(10).toString());
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth("admin", Fixtures.PASSWORD).postForEntity(path, new HttpEntity<>(form, headers),
				Map.class);
	}
}
