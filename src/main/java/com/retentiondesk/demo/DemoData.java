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

import com.retentiondesk.customer.CustomerImport;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.imports.ListReport;

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
			new DemoUser("billing", "计费", "系统", List.of(DeskGroups.INTEGRATION)));

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final IdentityService identity;
	private final CustomerImport customerImport;
	private final Customers customers;
	private final String password;
	private final boolean withCustomers;

	DemoData(IdentityService identity, CustomerImport customerImport, Customers customers,
			@Value("${desk.demo.password}") String password,
			@Value("${desk.demo.customers:true}") boolean withCustomers) {
		this.withCustomers = withCustomers;
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
