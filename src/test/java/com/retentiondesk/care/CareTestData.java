package com.retentiondesk.care;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.retentiondesk.Fixtures;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.Customers;

/** What the care tests share: approved templates, customers of a manager, the async jobs of an instance. */
@Component
class CareTestData {

	private final CareTemplates templates;
	private final TaskService tasks;
	private final ManagementService management;
	private final Customers customers;
	private final JdbcTemplate jdbc;

	CareTestData(CareTemplates templates, TaskService tasks, ManagementService management, Customers customers,
			JdbcTemplate jdbc) {
		this.templates = templates;
		this.tasks = tasks;
		this.management = management;
		this.customers = customers;
		this.jdbc = jdbc;
	}

	/** A template proposed by manager1 and approved by supervisor1. */
	long approved(CareKind kind, String text, LocalDate from, LocalDate to) {
		CareTemplate template = templates.propose(kind, text, from, to, "manager1");
		Task approval = tasks.createTaskQuery().processInstanceId(template.getProcessInstanceId()).singleResult();
		tasks.setAssignee(approval.getId(), "supervisor1");
		tasks.complete(approval.getId(), Map.of(CareProcess.APPROVED, true));
		return template.getId();
	}

	/** A PHS star customer (star level 4) of the manager. */
	String phs(String customerNo, String managerId) {
		customers.saveAndFlush(Fixtures.customer(Fixtures.prepaid(customerNo, "50.00", managerId)));
		return customerNo;
	}

	/** A CDMA star customer of the manager. */
	String cdma(String customerNo, String managerId) {
		customers.saveAndFlush(Fixtures.customer(Fixtures.cdmaTier1(customerNo, "50.00", managerId, null)));
		return customerNo;
	}

	/** A PHS customer without a star. */
	String noStar(String customerNo, String managerId) {
		CustomerData d = Fixtures.prepaid(customerNo, "50.00", managerId);
		customers.saveAndFlush(Fixtures.customer(new CustomerData(d.customerNo(), d.name(), d.serviceNo(), d.network(),
				d.segment(), 0, d.paymentType(), d.balance(), d.arrearsMonths(), d.lineStatus(), d.managerId(),
				d.birthday(), d.idType(), d.idNo(), d.address(), d.secondPhone(), d.email(), d.joinedOn())));
		return customerNo;
	}

	String optedOut(String customerNo, String managerId) {
		phs(customerNo, managerId);
		jdbc.update("update customer set sms_opt_out_at = current_timestamp, sms_opt_out_via = '短信回复TD' "
				+ "where customer_no = ?", customerNo);
		return customerNo;
	}

	String phoneOf(String customerNo) {
		return customers.findById(customerNo).orElseThrow().getServiceNo();
	}

	/**
	 * Takes every customer of other test classes out of a batch (as a manager trims it): the test context's
	 * database is shared, and a greeting to their customers would change what their tests count.
	 */
	void onlyOurs(long batchId, String prefix) {
		jdbc.update("update care_recipient set state = 'TRIMMED' where batch_id = ? and customer_no not like ?", batchId,
				prefix + "%");
	}

	/** Runs the instance's next due job. */
	void runJob(String processInstanceId) {
		management.executeJob(dueJobs(processInstanceId).get(0).getId());
	}

	/** Runs the instance's due jobs (async steps, due timers) until none is left; answers how many ran. */
	int runJobs(String processInstanceId) {
		int ran = 0;
		List<Job> due = dueJobs(processInstanceId);
		while (!due.isEmpty()) {
			management.executeJob(due.get(0).getId());
			ran++;
			due = dueJobs(processInstanceId);
		}
		return ran;
	}

	private List<Job> dueJobs(String processInstanceId) {
		return management.createJobQuery().processInstanceId(processInstanceId).executable().list();
	}

	/** The outbox rows of the customer: key, status, body. */
	List<Map<String, Object>> outbox(String customerNo) {
		return jdbc.queryForList("select message_key, status, body, subject from outbox_message where customer_no = ? "
				+ "order by id", customerNo);
	}

	/** The customer's SMS lines in the contact log: outcome and notes. */
	List<Map<String, Object>> smsContacts(String customerNo) {
		return jdbc.queryForList("select outcome, notes from contact_attempt where customer_no = ? and channel = 'SMS' "
				+ "order by id", customerNo);
	}

	Map<String, Integer> recipientStates(long batchId, String prefix) {
		Map<String, Integer> states = new java.util.TreeMap<>();
		jdbc.query("select customer_no, state from care_recipient where batch_id = ? and customer_no like ?", rs -> {
			states.merge(rs.getString("state"), 1, Integer::sum);
		}, batchId, prefix + "%");
		return states;
	}
}
