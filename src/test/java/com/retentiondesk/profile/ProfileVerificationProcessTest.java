package com.retentiondesk.profile;

import static com.retentiondesk.CaseTestKit.at;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.TestMail;
import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.CaseType;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.casework.RetentionCases;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.ProfileChanges;
import com.retentiondesk.customer.ProfileField;

/**
 * ProfileScanProcess and ProfileVerificationProcess (processes/profile-scan.bpmn, profile-verification.bpmn):
 * the weekly scan's choice and limit, the verification call's paths (reached, not reached, overdue), the timer,
 * in teams of this class's own.
 */
@DeskTest
class ProfileVerificationProcessTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(TestMail.SMTP);

	/** Monday 7 December 2026, 08:45: the scan's day and hour. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-12-07T08:45:00+08:00[Asia/Shanghai]");

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("PVP");

	@Autowired
	RuntimeService runtime;
	@Autowired
	TaskService tasks;
	@Autowired
	HistoryService history;
	@Autowired
	ManagementService management;
	@Autowired
	IdentityService identity;
	@Autowired
	Customers customers;
	@Autowired
	RetentionCases cases;
	@Autowired
	ProfileChanges changes;
	@Autowired
	ContactAttempts contacts;

	@Test
	void shouldGiveEachManagerAtMostTwentyCallsForTier1CustomersWithGapsIncompleteOnesFirst() {
		ProfileTeams.team(identity, "pvpa");
		for (int i = 0; i < 20; i++) {
			kit.saveCustomer(ProfileTeams.tier1(kit.newCustomerNo(), "pvpam1", "身份证", null, "广州市天河区" + i + "号", null));
		}
		String completeUnverified = kit.newCustomerNo();
		kit.saveCustomer(ProfileTeams.tier1(completeUnverified, "pvpam1", "身份证", "440101198001010011", "广州", "13900000001"));
		String done = kit.newCustomerNo();
		kit.saveCustomer(ProfileTeams.tier1(done, "pvpam1", "身份证", "440101198001010012", "广州", "13900000002"));
		verifyAll(done);
		String otherSegment = kit.newCustomerNo();
		kit.saveCustomer(ProfileTeams.midHighEnd(otherSegment, "pvpam1"));
		String ofM2 = kit.newCustomerNo();
		kit.saveCustomer(ProfileTeams.tier1(ofM2, "pvpam2", null, null, null, null));

		ProcessInstance scan = startScan(Map.of(ProfileProcess.TEAM, "pvpa"));

		assertThat(scan).isEnded().hasPassed(ProfileProcess.SERVICE_OPEN, ProfileProcess.END_SCANNED);
		Assertions.assertThat(opened(scan)).as("Monday: runs without force; 20 for pvpam1, 1 for pvpam2").isEqualTo(21);
		List<Task> ofM1 = verifyTasks("pvpam1");
		Assertions.assertThat(ofM1).hasSize(20).allSatisfy(task -> {
			Assertions.assertThat(task.getDueDate()).as("5 working days: Mon to Fri").isEqualTo(at("2026-12-11T20:00"));
			Assertions.assertThat(task.getName()).isEqualTo("核实用户资料");
		});
		Assertions.assertThat(customersOf(ofM1)).as("the incomplete ones first; none verified, none of another segment")
				.doesNotContain(completeUnverified, done, otherSegment);
		Assertions.assertThat(customersOf(verifyTasks("pvpam2"))).containsExactly(ofM2);
		Assertions.assertThat(cases.findOpen(ofM2, CaseType.PROFILE_VERIFICATION)).isPresent();

		ProcessInstance again = startScan(Map.of(ProfileProcess.TEAM, "pvpa", ProfileProcess.FORCE, true));

		Assertions.assertThat(opened(again)).as("20 still open for pvpam1, pvpam2's customer has its case").isZero();
		Assertions.assertThat(verifyTasks("pvpam1")).hasSize(20);
	}

	@Test
	void shouldOpenTheFormWithTheProfileAndSaveAndVerifyEveryFieldSubmittedOnAReachedCall() {
		ProfileTeams.team(identity, "pvpb");
		String customerNo = kit.newCustomerNo();
		kit.saveCustomer(ProfileTeams.tier1(customerNo, "pvpbm1", "身份证", null, "旧地址", null));
		startScan(Map.of(ProfileProcess.TEAM, "pvpb"));
		Task task = verifyTasks("pvpbm1").get(0);
		Assertions.assertThat(tasks.getVariables(task.getId())).containsEntry("name", "客户" + customerNo)
				.containsEntry("idType", "身份证").containsEntry("idNo", null).containsEntry("address", "旧地址")
				.containsEntry("secondPhone", null);
		Assertions.assertThat(kit.briefOfTask(task.getId()))
				.contains("客户资料: 姓名 客户" + customerNo + "(未核实)  证件类型 身份证(未核实)  证件号码 [缺]  详细地址 旧地址(未核实)  第二联系电话 [缺]")
				.contains("资料待补: 缺 证件号码、第二联系电话; 待核实 姓名、证件类型、详细地址")
				.contains("本次通话不做营销");
		ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
				.singleResult();

		Map<String, Object> form = new HashMap<>(tasks.getVariables(task.getId()));
		form.put("reached", true);
		form.put("idNo", "44010119800101001x");
		form.put("address", "广州市越秀区中山五路8号");
		form.put("secondPhone", "13900001111");
		tasks.complete(task.getId(), form);

		assertThat(instance).isEnded().hasPassed(ProfileProcess.SERVICE_CLOSE_VERIFIED, ProfileProcess.END_VERIFIED);
		Customer customer = customers.findById(customerNo).orElseThrow();
		Assertions.assertThat(customer.profileValue(ProfileField.ID_NO)).isEqualTo("44010119800101001X");
		Assertions.assertThat(customer.profileValue(ProfileField.ADDRESS)).isEqualTo("广州市越秀区中山五路8号");
		Assertions.assertThat(ProfileField.BASICS).allSatisfy(field -> {
			Assertions.assertThat(customer.isVerified(field)).as(field.label()).isTrue();
			Assertions.assertThat(customer.verifiedBy(field)).isEqualTo("pvpbm1");
			Assertions.assertThat(customer.verifiedAt(field)).isEqualTo(NOW.toLocalDateTime());
		});
		Assertions.assertThat(changes.findByCustomerNoOrderByChangedAtDescIdDesc(customerNo, org.springframework.data.domain.Limit.of(10)))
				.extracting(c -> c.getField() + ":" + c.getOldValue() + "→" + c.getNewValue() + " by " + c.getChangedBy())
				.containsExactlyInAnyOrder("ID_NO:null→44010119800101001X by pvpbm1", "ADDRESS:旧地址→广州市越秀区中山五路8号 by pvpbm1",
						"SECOND_PHONE:null→13900001111 by pvpbm1");
		var file = cases.findByProcessInstanceId(instance.getId()).orElseThrow();
		Assertions.assertThat(file.getOutcome()).isEqualTo(CaseOutcome.RETAINED);
		Assertions.assertThat(file.getOutcomeReason()).isEqualTo("已核实 5 项, 更正 证件号码、详细地址、第二联系电话; 五项基本资料齐全且已核实");
		Assertions.assertThat(contacts.findByTaskId(task.getId())).get().satisfies(c -> Assertions.assertThat(c.getOutcome()).isEqualTo("REACHED"));
	}

	@Test
	void shouldEndUnreachedWithoutChangingOrVerifyingAnything() {
		ProfileTeams.team(identity, "pvpc");
		String customerNo = kit.newCustomerNo();
		kit.saveCustomer(ProfileTeams.tier1(customerNo, "pvpcm1", null, null, "旧地址", null));
		startScan(Map.of(ProfileProcess.TEAM, "pvpc"));
		Task task = verifyTasks("pvpcm1").get(0);
		ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
				.singleResult();

		tasks.complete(task.getId(), Map.of("reached", false, "address", "新地址"));

		assertThat(instance).isEnded().hasPassed(ProfileProcess.SERVICE_CLOSE_UNREACHED, ProfileProcess.END_UNREACHED);
		Customer customer = customers.findById(customerNo).orElseThrow();
		Assertions.assertThat(customer.profileValue(ProfileField.ADDRESS)).isEqualTo("旧地址");
		Assertions.assertThat(ProfileField.BASICS).noneMatch(customer::isVerified);
		Assertions.assertThat(cases.findByProcessInstanceId(instance.getId()).orElseThrow().getOutcome())
				.isEqualTo(CaseOutcome.UNREACHABLE);
		Assertions.assertThat(contacts.findByTaskId(task.getId())).get().satisfies(c -> Assertions.assertThat(c.getOutcome()).isEqualTo("NOT_REACHED"));
		Assertions.assertThat(cases.findOpen(customerNo, CaseType.PROFILE_VERIFICATION)).as("next week's scan may call again").isEmpty();
	}

	@Test
	void shouldRefuseMalformedValuesWithAChineseMessageAndKeepTheTask() {
		ProfileTeams.team(identity, "pvpd");
		kit.saveCustomer(ProfileTeams.tier1(kit.newCustomerNo(), "pvpdm1", null, null, null, null));
		startScan(Map.of(ProfileProcess.TEAM, "pvpd"));
		Task task = verifyTasks("pvpdm1").get(0);

		Assertions.assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("reached", true, "idType", "身份证", "idNo", "12345")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("“证件号码”不是有效的身份证号码: 12345");
		Assertions.assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("reached", true, "secondPhone", "打电话")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("“第二联系电话”格式错误");
		Assertions.assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("reached", true, "idType", "驾照")))
				.isInstanceOf(FormRejectedException.class).hasMessageContaining("“证件类型”的值无效: 驾照");

		Assertions.assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
	}

	@Test
	void shouldEscalateAnOverdueVerificationToTheTeamsSupervisorAndMailThem() {
		ProfileTeams.team(identity, "pvpe");
		kit.saveCustomer(ProfileTeams.tier1(kit.newCustomerNo(), "pvpem1", null, null, null, null));
		startScan(Map.of(ProfileProcess.TEAM, "pvpe"));
		ProcessInstance instance = runtime.createProcessInstanceQuery()
				.processInstanceId(verifyTasks("pvpem1").get(0).getProcessInstanceId()).singleResult();
		kit.moveClockTo("2026-12-11T20:01");

		execute(job(ProfileProcess.BOUNDARY_OVERDUE, instance));
		execute(job(ProfileProcess.SERVICE_RECORD_ESCALATION, instance));

		assertThat(instance).isWaitingAt(ProfileProcess.TASK_VERIFY, ProfileProcess.TASK_ESCALATION_REVIEW,
				ProfileProcess.SERVICE_MAIL_SUPERVISOR);
		Assertions.assertThat(kit.caseOf(instance).getEscalations()).isOne();
		Assertions.assertThat(kit.task(instance, ProfileProcess.TASK_ESCALATION_REVIEW).getAssignee()).isEqualTo("pvpesup");
		execute(job(ProfileProcess.SERVICE_MAIL_SUPERVISOR, instance));
		Assertions.assertThat(mail.getReceivedMessagesForDomain("pvpesup@retention-desk.example.cn")).isNotEmpty();

		tasks.complete(kit.task(instance, ProfileProcess.TASK_ESCALATION_REVIEW).getId(),
				Map.of("escalationAction", "REMINDED_MANAGER", "escalationNotes", "已督促"));
		assertThat(instance).hasPassed(ProfileProcess.END_ESCALATION_HANDLED)
				.isWaitingAt(ProfileProcess.TASK_VERIFY);
	}

	@Test
	void shouldGiveOutNothingOnAnotherDayUnlessForced() {
		ProfileTeams.team(identity, "pvpf");
		kit.saveCustomer(ProfileTeams.tier1(kit.newCustomerNo(), "pvpfm1", null, null, null, null));
		kit.moveClockTo("2026-12-08T08:45");

		ProcessInstance tuesday = startScan(Map.of(ProfileProcess.TEAM, "pvpf"));

		Assertions.assertThat(opened(tuesday)).isZero();
		Assertions.assertThat(verifyTasks("pvpfm1")).isEmpty();

		ProcessInstance forced = startScan(Map.of(ProfileProcess.TEAM, "pvpf", ProfileProcess.FORCE, true));

		Assertions.assertThat(opened(forced)).isOne();
		Assertions.assertThat(verifyTasks("pvpfm1")).singleElement().satisfies(task -> Assertions
				.assertThat(task.getDueDate()).as("Tue to Mon").isEqualTo(at("2026-12-14T20:00")));
	}

	@Test
	void shouldStartTheScanEveryMondayAt0845() {
		Job timer = management.createJobQuery().processDefinitionKey(ProfileProcess.SCAN_KEY).timers().singleResult();
		Assertions.assertThat(timer).as("the timer start event of the scan").isNotNull();
		ZonedDateTime due = timer.getDuedate().toInstant().atZone(CaseTestKit.SHANGHAI);
		Assertions.assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		Assertions.assertThat(due.toLocalTime()).isEqualTo(java.time.LocalTime.of(8, 45));
		List<String> before = runtime.createProcessInstanceQuery().processDefinitionKey(ProfileProcess.SCAN_KEY).list()
				.stream().map(ProcessInstance::getId).toList();

		management.executeJob(timer.getId());

		ProcessInstance started = runtime.createProcessInstanceQuery().processDefinitionKey(ProfileProcess.SCAN_KEY).list()
				.stream().filter(instance -> !before.contains(instance.getId())).findFirst().orElseThrow();
		// the scan itself (every team's managers) is left to the tests above, which run it for their own teams
		assertThat(started).isWaitingAt(ProfileProcess.SERVICE_OPEN);
		runtime.deleteProcessInstance(started.getId(), "test: the timer's run is not needed");
	}

	private ProcessInstance startScan(Map<String, Object> variables) {
		ProcessInstance instance = runtime.startProcessInstanceByKey(ProfileProcess.SCAN_KEY, variables);
		execute(job(ProfileProcess.SERVICE_OPEN, instance));
		return instance;
	}

	private int opened(ProcessInstance scan) {
		return history.createHistoricVariableInstanceQuery().processInstanceId(scan.getId())
				.variableName(ProfileProcess.OPENED).singleResult().getValue() instanceof Integer n ? n : -1;
	}

	private List<Task> verifyTasks(String manager) {
		return tasks.createTaskQuery().taskDefinitionKey(ProfileProcess.TASK_VERIFY).taskAssignee(manager).list();
	}

	private List<String> customersOf(List<Task> verifications) {
		return verifications.stream().map(task -> runtime.createProcessInstanceQuery()
				.processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey()).toList();
	}

	private void verifyAll(String customerNo) {
		Customer customer = customers.findById(customerNo).orElseThrow();
		ProfileField.BASICS.forEach(field -> customer.verify(field, "pvpam1", NOW.toLocalDateTime().minusDays(30)));
		customers.saveAndFlush(customer);
	}
}
