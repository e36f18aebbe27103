package com.retentiondesk.calendar;

import static com.retentiondesk.JsonRequests.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;

/**
 * Issue 23 point 2: the work calendar is data. Administrators read and replace a year; a bad list is
 * refused whole; the desk's calendar (which every due time and timer goes through) uses a new year at
 * once; in December the supervisors' dashboard warns while next year is empty.
 */
@DeskTest
class CalendarApiTest {

	@Autowired
	TestRestTemplate http;
	@Autowired
	WorkCalendar calendar;
	@Autowired
	Clock clock;

	@Test
	@SuppressWarnings("unchecked")
	void shouldServeTheSeededYears() {
		Map<String, Object> year2026 = get("admin", 2026).getBody();
		List<Map<String, Object>> days = (List<Map<String, Object>>) year2026.get("days");
		assertThat(days).hasSize(39);
		assertThat(days).contains(Map.of("date", "2026-02-17", "type", "HOLIDAY", "name", "春节"),
				Map.of("date", "2026-02-14", "type", "WORKDAY", "name", "春节调休"));
		List<Map<String, Object>> days2027 = (List<Map<String, Object>>) get("admin", 2027).getBody().get("days");
		assertThat(days2027).extracting(d -> d.get("date")).containsExactly("2027-01-01", "2027-02-05", "2027-02-06",
				"2027-02-07", "2027-02-08", "2027-04-05", "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15",
				"2027-10-01", "2027-10-02", "2027-10-03");
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("调休 Saturday").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).as("国庆 Wednesday").isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 9))).as("端午 2027").isFalse();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldReplaceAYearAndComputeWithItAtOnce() {
		LocalDate monday = LocalDate.of(2030, 2, 4);
		LocalDate saturday = LocalDate.of(2030, 2, 9);
		assertThat(calendar.isWorkingDay(monday)).isTrue();
		assertThat(calendar.isWorkingDay(saturday)).isFalse();

		ResponseEntity<Map> put = put("admin", 2030, "[{\"date\":\"2030-02-04\",\"type\":\"HOLIDAY\",\"name\":\"春节\"},"
				+ "{\"date\":\"2030-02-09\",\"type\":\"WORKDAY\",\"name\":\"春节调休\"}]");

		assertThat(put.getStatusCode()).as(String.valueOf(put.getBody())).isEqualTo(HttpStatus.OK);
		assertThat((List<Object>) get("admin", 2030).getBody().get("days")).hasSize(2);
		assertThat(calendar.isWorkingDay(monday)).isFalse();
		assertThat(calendar.isWorkingDay(saturday)).isTrue();
		ZoneId zone = calendar.zone();
		assertThat(calendar.endOfWorkingDay(LocalDate.of(2030, 2, 3).atTime(12, 0).atZone(zone).toInstant()))
				.as("a call due on Sunday moves past the new holiday to Tuesday")
				.isEqualTo(LocalDate.of(2030, 2, 5).atTime(20, 0).atZone(zone).toInstant());

		// replacing the year again drops what the new list does not name
		assertThat(put("admin", 2030, "[]").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(calendar.isWorkingDay(monday)).isTrue();
	}

	@Test
	void shouldRefuseABadListWholeAndOthersThanAdministrators() {
		put("admin", 2031, "[{\"date\":\"2031-01-01\",\"type\":\"HOLIDAY\",\"name\":\"元旦\"}]");

		badPut(2031, "[{\"date\":\"2031-10-01\",\"type\":\"HOLIDAY\",\"name\":\"国庆节\"},"
				+ "{\"date\":\"2032-01-01\",\"type\":\"HOLIDAY\",\"name\":\"元旦\"}]", "[1].date: 日期 2032-01-01 不在 2031 年内");
		badPut(2031, "[{\"date\":\"2031-10-01\",\"type\":\"HOLIDAY\",\"name\":\"国庆节\"},"
				+ "{\"date\":\"2031-10-01\",\"type\":\"WORKDAY\",\"name\":\"国庆节\"}]", "[1].date: 日期 2031-10-01 在列表中重复");
		badPut(2031, "[{\"date\":\"2031-10-01\",\"type\":\"DAY_OFF\",\"name\":\"国庆节\"}]", "type");
		badPut(2031, "[{\"date\":\"2031-10-01\",\"type\":\"HOLIDAY\"}]", "[0].name");
		badPut(2031, "[{\"date\":\"2031-13-01\",\"type\":\"HOLIDAY\",\"name\":\"国庆节\"}]", "date");
		badPut(2031, "[{\"type\":\"HOLIDAY\",\"name\":\"国庆节\"}]", "[0].date: 缺少日期");
		assertThat(put("admin", 1999, "[]").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		assertThat(get("admin", 2031).getBody().get("days")).asList().singleElement()
				.isEqualTo(Map.of("date", "2031-01-01", "type", "HOLIDAY", "name", "元旦"));
		assertThat(calendar.isWorkingDay(LocalDate.of(2031, 10, 1))).isTrue();
		assertThat(get("supervisor1", 2031).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(put("manager1", 2031, "[]").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(put("billing", 2031, "[]").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldWarnSupervisorsInDecemberWhileNextYearIsEmpty() {
		LocalDate today = LocalDate.now(clock);
		int next = today.getYear() + 1;
		List<Map<String, Object>> kept = (List<Map<String, Object>>) get("admin", next).getBody().get("days");
		try {
			assertThat(put("admin", next, "[]").getStatusCode()).isEqualTo(HttpStatus.OK);
			List<String> warnings = (List<String>) kpi().get("warnings");
			if (today.getMonth() == Month.DECEMBER) {
				assertThat(warnings).singleElement().asString().contains(next + "年的工作日历")
						.contains("/api/admin/calendar/" + next);
			} else {
				assertThat(warnings).isEmpty();
			}

			put("admin", next, "[{\"date\":\"" + next + "-01-01\",\"type\":\"HOLIDAY\",\"name\":\"元旦\"}]");
			assertThat((List<String>) kpi().get("warnings")).isEmpty();
		} finally {
			http.withBasicAuth("admin", Fixtures.PASSWORD).exchange("/api/admin/calendar/" + next, HttpMethod.PUT,
					json(toJson(kept)), Map.class);
		}
		assertThat((List<Object>) get("admin", next).getBody().get("days")).hasSameSizeAs(kept);
	}

	private Map<String, Object> kpi() {
		ResponseEntity<Map> answer = http.withBasicAuth("supervisor1", Fixtures.PASSWORD).getForEntity("/api/kpi", Map.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return answer.getBody();
	}

	private static String toJson(List<Map<String, Object>> days) {
		return days.stream().map(d -> "{\"date\":\"" + d.get("date") + "\",\"type\":\"" + d.get("type") + "\",\"name\":\""
				+ d.get("name") + "\"}").collect(java.util.stream.Collectors.joining(",", "[", "]"));
	}

	private void badPut(int year, String body, String message) {
		ResponseEntity<Map> answer = put("admin", year, body);
		assertThat(answer.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((String) answer.getBody().get("message")).as(body).contains(message);
	}

	private ResponseEntity<Map> get(String user, int year) {
		return http.withBasicAuth(user, Fixtures.PASSWORD).getForEntity("/api/admin/calendar/" + year, Map.class);
	}

	private ResponseEntity<Map> put(String user, int year, String body) {
		return http.withBasicAuth(user, Fixtures.PASSWORD).exchange("/api/admin/calendar/" + year, HttpMethod.PUT,
				json(body), Map.class);
	}
}
