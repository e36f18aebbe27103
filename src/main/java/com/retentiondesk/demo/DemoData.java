package com.retentiondesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.retentiondesk.billing.UsageFeed;
import com.retentiondesk.imports.ListReport;
import com.retentiondesk.customer.CustomerImport;
import com.retentiondesk.customer.Customers;

import com.retentiondesk.usage.UsageScanProcess;
import com.retentiondesk.web.DeskGroups;

/**
 * Demo users, teams and customers for a developer's desk ({@code desk.demo.enabled}, on by default,
 * off in the mysql profile). User ids are fixed: integrators' scripts and the README use them.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "desk.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

	/** A demo user: id, family name, given name, groups. */
	record DemoUser(String id, String lastName, String firstName, List<String> groups) {
	}

	static final List<DemoUser> USERS = List.of(
			manager("manager1", "王", "芳", "team1"), manager("manager2", "李", "娜", "team1"),
			manager("manager3", "张", "伟", "team1"), manager("manager4", "刘", "洋", "team1"),
			manager("manager5", "陈", "静", "team2"), manager("manager6", "杨", "磊", "team2"),
			manager("manager7", "赵", "敏", "team2"), manager("manager8", "黄", "勇", "team2"),
			new DemoUser("supervisor1", "周", "建国", List.of(DeskGroups.SUPERVISORS, "team1")),
			new DemoUser("supervisor2", "吴", "丽华", List.of(DeskGroups.SUPERVISORS, "team2")),
			new DemoUser("billing", "计费", "系统", List.of(DeskGroups.INTEGRATION)),
			new DemoUser("surveyor1", "孙", "晓梅", List.of(DeskGroups.SURVEYORS)),
			new DemoUser("marketing1", "郑", "秀英", List.of(DeskGroups.MARKETING)));

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final IdentityService identity;
	private final CustomerImport customerImport;
	private final Customers customers;
	private final String password;
	private final boolean withCustomers;
	private final UsageFeed usageFeed;
	private final org.camunda.bpm.engine.RuntimeService runtime;
	private final java.time.Clock clock;
	private final boolean usageScan;

	DemoData(IdentityService identity, CustomerImport customerImport, Customers customers,
			@Value("${desk.demo.password}") String password,
			@Value("${desk.demo.customers:true}") boolean withCustomers, UsageFeed usageFeed,
			org.camunda.bpm.engine.RuntimeService runtime, java.time.Clock clock,
			@Value("${desk.demo.usage-scan:true}") boolean usageScan) {
		this.withCustomers = withCustomers;
		this.usageFeed = usageFeed;
		this.runtime = runtime;
		this.clock = clock;
		this.usageScan = usageScan;
		this.identity = identity;
		this.customerImport = customerImport;
		this.customers = customers;
		this.password = password;
	}

	private static DemoUser manager(String id, String lastName, String firstName, String team) {
		return new DemoUser(id, lastName, firstName, List.of(DeskGroups.PHONE_MANAGERS, team));
	}

	@Override
	public void run(ApplicationArguments args) {
		team("team1", "电话经理一组");
		team("team2", "电话经理二组");
		for (DemoUser demo : USERS) {
			if (identity.createUserQuery().userId(demo.id()).count() == 0) {
				User user = identity.newUser(demo.id());
				user.setFirstName(demo.firstName());
				user.setLastName(demo.lastName());
				user.setEmail(demo.id() + "@retention-desk.example.cn");
				user.setPassword(password);
				identity.saveUser(user);
				demo.groups().forEach(group -> identity.createMembership(demo.id(), group));
				log.info("created demo user {}", demo.id());
			}
		}
		if (withCustomers && customers.count() == 0) {
			try (InputStream in = new ClassPathResource("demo/customers.csv").getInputStream()) {
				ListReport report = customerImport.importFile("demo/customers.csv", in);
				log.info("demo customers: {} created, {} rejected", report.created(), report.rejectedCount());
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			demoUsage();
		}
	}

	/**
	 * Six months of usage up to last month for some demo customers, so that the briefs show a spend chart
	 * and the monthly usage scan (started once here with force=true unless {@code desk.demo.usage-scan} is
	 * false) opens its cases: C1003 falls 100 → 60 (STAGE_1), C1007 120 → 95 (STAGE_2, and no package), C1005
	 * 普1 90 → 85 (TIER1), C1006 over its 59 package four months running (NEXT_TIER), C1009 under 70% of its 89
	 * package (RIGHT_SIZE), C1011 no package at 180 (CONVERGED); C1012 has no calls last month (0次户: no
	 * traffic-decline case) and C1010's line is barred (no case at all).
	 */
	private void demoUsage() {
		java.time.YearMonth last = java.time.YearMonth.now(clock).minusMonths(1);
		StringBuilder rows = new StringBuilder("[");
		usage(rows, "C1003", last, null, 30, "98", "105", "99", "102", "100", "60");
		usage(rows, "C1007", last, null, 30, "118", "121", "119", "125", "120", "95");
		usage(rows, "C1005", last, "PKG_89", 40, "88", "92", "90", "91", "90", "85");
		usage(rows, "C1006", last, "PKG_59", 35, "52", "55", "72", "75", "78", "80");
		usage(rows, "C1009", last, "PKG_89", 20, "70", "66", "50", "35", "38", "40");
		usage(rows, "C1011", last, null, 60, "175", "182", "176", "180", "180", "180");
		usage(rows, "C1012", last, null, 0, "100", "100", "100", "100", "100", "60");
		usage(rows, "C1010", last, null, 30, "100", "100", "100", "100", "100", "40");
		rows.setLength(rows.length() - 1);
		rows.append(']');
		try {
			ListReport report = usageFeed.feedJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(rows.toString()));
			log.info("demo usage: {} monthly bills created, {} rejected", report.created(), report.rejectedCount());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (usageScan) {
			runtime.startProcessInstanceByKey(UsageScanProcess.PROCESS_KEY, java.util.Map.of(UsageScanProcess.SCAN_FORCE, true));
			log.info("demo usage: UsageWarningScanProcess started (force=true)");
		}
	}

	/** Six months ending {@code last}, oldest first; the last month has {@code lastCalls} calls. */
	private static void usage(StringBuilder rows, String customerNo, java.time.YearMonth last, String packageCode,
			int lastCalls, String... amounts) {
		for (int i = 0; i < amounts.length; i++) {
			java.time.YearMonth month = last.minusMonths(amounts.length - 1 - i);
			int calls = i == amounts.length - 1 ? lastCalls : 40;
			rows.append("{\"customerNo\":\"").append(customerNo).append("\",\"month\":\"").append(month)
					.append("\",\"amount\":").append(amounts[i]).append(",\"calls\":").append(calls)
					.append(",\"minutes\":").append(calls * 4)
					.append(packageCode == null ? "" : ",\"packageCode\":\"" + packageCode + "\"").append("},");
		}
	}

	private void team(String id, String name) {
		if (identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = identity.newGroup(id);
			group.setName(name);
			group.setType(DeskGroups.TEAM_TYPE);
			identity.saveGroup(group);
		}
	}
}
