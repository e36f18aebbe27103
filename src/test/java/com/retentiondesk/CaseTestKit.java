package com.retentiondesk;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.Customers;

/**
 * What the case tests share: the engine's clock fixed before each test and reset after it (so that no
 * other test class inherits a moved clock), customer numbers of the test class's own, and the case row,
 * process instance and open call task of a case. A {@link DeskTest} registers one per class:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("ARP")
 *         .callTasks(ArrearsProcess.TASK_FIRST_CALL, ArrearsProcess.TASK_SECOND_CALL);
 * </pre>
 *
 * The engine services come from the test's Spring context before each test; what is special to one
 * process (its forms, how a case opens) stays in its test.
 */
public final class CaseTestKit implements BeforeEachCallback, AfterEachCallback {

	public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final ZonedDateTime now;
	private final AtomicInteger counter = new AtomicInteger();
	private String prefix;
	private List<String> callTasks = List.of();

	private ProcessEngine engine;
	private RetentionCases cases;
	private Customers customers;

	private CaseTestKit(ZonedDateTime now) {
		this.now = now;
	}

	/** Fixes the engine's clock ({@link ClockUtil}) at {@code now} before each test. */
	public static CaseTestKit clockAt(ZonedDateTime now) {
		return new CaseTestKit(now);
	}

	/** Customer numbers {@code prefix1, prefix2, ...}: the prefix must be the test class's own. */
	public CaseTestKit customersNumbered(String prefix) {
		this.prefix = prefix;
		return this;
	}

	/** The task definition keys of the process's call tasks: {@link #call} finds the open one. */
	public CaseTestKit callTasks(String... taskKeys) {
		this.callTasks = List.of(taskKeys);
		return this;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		ApplicationContext spring = SpringExtension.getApplicationContext(context);
		engine = spring.getBean(ProcessEngine.class);
		cases = spring.getBean(RetentionCases.class);
		customers = spring.getBean(Customers.class);
		init(engine);
		ClockUtil.setCurrentTime(Date.from(now.toInstant()));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		ClockUtil.reset();
	}

	/** A local date-time in Shanghai ({@code 2026-11-27T20:00}) as the engine's dates are compared. */
	public static Date at(String local) {
		return Date.from(LocalDateTime.parse(local).atZone(SHANGHAI).toInstant());
	}

	/** Moves the engine's clock for the rest of this test. */
	public void moveClockTo(String local) {
		ClockUtil.setCurrentTime(at(local));
	}

	/** Moves the engine's clock for the rest of this test. */
	public void moveClockTo(ZonedDateTime time) {
		ClockUtil.setCurrentTime(Date.from(time.toInstant()));
	}

	/** A customer number no other test has used. */
	public String newCustomerNo() {
		if (prefix == null) {
			throw new IllegalStateException("customersNumbered(prefix) was not given to this kit");
		}
		return prefix + counter.incrementAndGet();
	}

	/** Saves the customer and reads it back from the database. */
	public Customer saveCustomer(CustomerData data) {
		customers.saveAndFlush(Fixtures.customer(data));
		return customers.findById(data.customerNo()).orElseThrow();
	}

	/** The process instance of a case row. */
	public ProcessInstance instanceOf(RetentionCase file) {
		return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(file.getProcessInstanceId())
				.singleResult();
	}

	/** The case row of a process instance, as it is in the database now. */
	public RetentionCase caseOf(ProcessInstance instance) {
		return cases.findByProcessInstanceId(instance.getId()).orElseThrow();
	}

	/** The case brief stored on the case row of this process instance (issue 32: the brief is no variable). */
	public String brief(String processInstanceId) {
		return cases.findByProcessInstanceId(processInstanceId).orElseThrow().getBrief();
	}

	/** The case brief of the case that this task belongs to. */
	public String briefOfTask(String taskId) {
		return brief(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId());
	}

	/** The instance's open call task (one of {@link #callTasks}), or null. */
	public Task call(ProcessInstance instance) {
		if (callTasks.isEmpty()) {
			throw new IllegalStateException("callTasks(...) was not given to this kit");
		}
		return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
				.taskDefinitionKeyIn(callTasks.toArray(String[]::new)).singleResult();
	}

	/** Completes the open call task with the form's variables, as Tasklist does. */
	public void complete(ProcessInstance instance, Map<String, Object> form) {
		engine.getTaskService().complete(call(instance).getId(), form);
	}

	/** The instance's open task of this definition key, or null. */
	public Task task(ProcessInstance instance, String taskKey) {
		return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
				.singleResult();
	}

	/** How many tasks of the instance are open. */
	public long openTasks(ProcessInstance instance) {
		return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count();
	}
}
