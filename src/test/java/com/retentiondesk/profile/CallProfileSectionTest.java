package com.retentiondesk.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.retentiondesk.CaseTestKit;
import com.retentiondesk.DeskTest;
import com.retentiondesk.Fixtures;
import com.retentiondesk.arrears.ArrearsCases;
import com.retentiondesk.arrears.ArrearsProcess;
import com.retentiondesk.casework.FormRejectedException;
import com.retentiondesk.contact.ContactAttempts;
import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.customer.ProfileChange;
import com.retentiondesk.customer.ProfileChanges;
import com.retentiondesk.customer.ProfileField;

/**
 * The 客户资料 section of the call forms (issue 28 point 1 and 2), on the arrears call: what a manager enters is
 * saved and logged, on a reached call verified; confirmed fields are verified; bad input is refused in Chinese.
 */
@DeskTest
class CallProfileSectionTest {

	/** Wednesday 25 November 2026, 09:00. */
	private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-25T09:00:00+08:00[Asia/Shanghai]");

	/** The call forms of the phone managers: each carries the section. */
	static final List<String> CALL_FORMS = List.of("inbound-callback", "tell-outcome", "birthday-greeting", "arrears-call", "expiry-call", "package-advice-call",
			"traffic-decline-call", "upgrade-call", "verify-activation", "winback-call");

	@RegisterExtension
	static final CaseTestKit kit = CaseTestKit.clockAt(NOW).customersNumbered("CPS")
			.callTasks(ArrearsProcess.TASK_FIRST_CALL, ArrearsProcess.TASK_SECOND_CALL);

	@Autowired
	ArrearsCases arrears;
	@Autowired
	TaskService tasks;
	@Autowired
	RuntimeService runtime;
	@Autowired
	Customers customers;
	@Autowired
	ProfileChanges changes;
	@Autowired
	ContactAttempts contacts;

	@Test
	void shouldSaveLogAndVerifyWhatTheManagerEntersAndConfirmsOnAReachedCall() {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(withIdentity(Fixtures.prepaid(customerNo, "5.00", "manager1"), "身份证", "440101197803120011", "旧地址"));
		Task call = kit.call(instance);
		assertThat(kit.briefOfTask(call.getId()))
				.contains("客户资料: 姓名 测试客户" + customerNo + "(未核实)  证件类型 身份证(未核实)  证件号码 440101197803120011(未核实)  详细地址 旧地址(未核实)  第二联系电话 13900000000(未核实)");

		Map<String, Object> form = reachedCall();
		form.put("profileAddress", "广州市天河区体育西路1号");
		form.put("profileEmail", "ke@example.cn");
		form.put("profileName", "");
		form.put("verifyName", true);
		form.put("verifyIdNo", true);
		form.put("verifyIdType", false);
		tasks.complete(call.getId(), form);

		Customer customer = customers.findById(customerNo).orElseThrow();
		assertThat(customer.profileValue(ProfileField.ADDRESS)).isEqualTo("广州市天河区体育西路1号");
		assertThat(customer.profileValue(ProfileField.EMAIL)).isEqualTo("ke@example.cn");
		assertThat(customer.isVerified(ProfileField.ADDRESS)).as("entered on a reached call: the customer said it").isTrue();
		assertThat(customer.isVerified(ProfileField.NAME)).as("confirmed").isTrue();
		assertThat(customer.isVerified(ProfileField.ID_NO)).as("confirmed").isTrue();
		assertThat(customer.isVerified(ProfileField.ID_TYPE)).as("not confirmed").isFalse();
		assertThat(customer.isVerified(ProfileField.SECOND_PHONE)).as("neither entered nor confirmed").isFalse();
		assertThat(customer.verifiedBy(ProfileField.ADDRESS)).isEqualTo("manager1");
		assertThat(customer.verifiedAt(ProfileField.ADDRESS)).isEqualTo(NOW.toLocalDateTime());
		assertThat(log(customerNo)).containsExactlyInAnyOrder(
				"ADDRESS:旧地址→广州市天河区体育西路1号 by manager1 on " + call.getId(),
				"EMAIL:null→ke@example.cn by manager1 on " + call.getId());
		assertThat(runtime.getVariables(instance.getId())).as("the section is cleared for the next call")
				.doesNotContainKeys(ProfileProcess.SECTION_FIELDS.toArray(String[]::new));
		assertThat(kit.brief(instance.getId()))
				.contains("详细地址 广州市天河区体育西路1号(已核实)").contains("资料待补: 待核实 证件类型、第二联系电话");
	}

	@Test
	void shouldSaveButNotVerifyOnACallThatDidNotReachTheCustomerAndDropAnOldVerificationOfAChangedValue() {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(withIdentity(Fixtures.prepaid(customerNo, "5.00", "manager2"), "身份证", "440101197803120011", "旧地址"));
		Customer before = customers.findById(customerNo).orElseThrow();
		before.verify(ProfileField.SECOND_PHONE, "manager2", LocalDateTime.parse("2026-10-01T10:00"));
		customers.saveAndFlush(before);
		Map<String, Object> form = new HashMap<>();
		form.put("callOutcome", "NOT_REACHED");
		form.put("profileSecondPhone", "020-87654321");
		form.put("verifyAddress", true);

		tasks.complete(kit.call(instance).getId(), form);

		Customer customer = customers.findById(customerNo).orElseThrow();
		assertThat(customer.profileValue(ProfileField.SECOND_PHONE)).isEqualTo("020-87654321");
		assertThat(customer.isVerified(ProfileField.SECOND_PHONE)).as("the new number is not the verified one").isFalse();
		assertThat(customer.isVerified(ProfileField.ADDRESS)).as("nothing is verified without the customer").isFalse();
		assertThat(log(customerNo)).singleElement().asString().startsWith("SECOND_PHONE:13900000000→020-87654321 by manager2");
	}

	@Test
	void shouldRefuseBadValuesAndAConfirmedFieldWithoutValueInChineseAndSaveNothing() {
		String customerNo = kit.newCustomerNo();
		ProcessInstance instance = open(Fixtures.prepaid(customerNo, "5.00", "manager1"));
		Task call = kit.call(instance);

		Map<String, Object> confirmedMissing = reachedCall();
		confirmedMissing.put("verifyIdNo", true);
		assertThatThrownBy(() -> tasks.complete(call.getId(), confirmedMissing)).isInstanceOf(FormRejectedException.class)
				.hasMessageContaining("“证件号码”尚未填写,不能勾选已核实");
		Map<String, Object> badPhone = reachedCall();
		badPhone.put("profileSecondPhone", "没有");
		assertThatThrownBy(() -> tasks.complete(call.getId(), badPhone)).isInstanceOf(FormRejectedException.class)
				.hasMessageContaining("“第二联系电话”格式错误: 没有");
		Map<String, Object> badMail = reachedCall();
		badMail.put("profileEmail", "ke-at-example");
		assertThatThrownBy(() -> tasks.complete(call.getId(), badMail)).isInstanceOf(FormRejectedException.class)
				.hasMessageContaining("“电子邮箱”格式错误");
		Map<String, Object> tooLong = reachedCall();
		tooLong.put("profileAddress", "路".repeat(256));
		assertThatThrownBy(() -> tasks.complete(call.getId(), tooLong)).isInstanceOf(FormRejectedException.class)
				.hasMessageContaining("“详细地址”不能超过255个字");

		assertThat(tasks.createTaskQuery().taskId(call.getId()).count()).isOne();
		assertThat(contacts.findByTaskId(call.getId())).isEmpty();
		assertThat(log(customerNo)).isEmpty();
	}

	@Test
	void shouldGiveEveryCallFormTheProfileSectionWithItsKeys() throws Exception {
		ObjectMapper json = new ObjectMapper();
		for (String name : CALL_FORMS) {
			JsonNode form = json.readTree(Files.readString(Path.of("forms", name + ".form")));
			JsonNode section = null;
			for (JsonNode component : form.get("components")) {
				if ("Group_Profile".equals(component.path("id").asText())) {
					section = component;
				}
			}
			assertThat(section).as(name).isNotNull();
			assertThat(section.get("label").asText()).isEqualTo("客户资料");
			List<String> keys = new ArrayList<>();
			section.get("components").forEach(c -> {
				if (c.has("key")) {
					keys.add(c.get("key").asText());
				}
			});
			assertThat(keys).as(name).containsExactlyInAnyOrderElementsOf(ProfileProcess.SECTION_FIELDS);
		}
	}

	private ProcessInstance open(CustomerData data) {
		return kit.instanceOf(arrears.open(kit.saveCustomer(data)));
	}

	private static Map<String, Object> reachedCall() {
		Map<String, Object> form = new HashMap<>();
		form.put("callOutcome", "REACHED");
		form.put("paymentChannel", "WECHAT");
		return form;
	}

	private static CustomerData withIdentity(CustomerData d, String idType, String idNo, String address) {
		return new CustomerData(d.customerNo(), d.name(), d.serviceNo(), d.network(), d.segment(), d.starLevel(),
				d.paymentType(), d.balance(), d.arrearsMonths(), d.lineStatus(), d.managerId(), d.birthday(), idType, idNo,
				address, "13900000000", d.email(), d.joinedOn());
	}

	private List<String> log(String customerNo) {
		return changes.findByCustomerNoOrderByChangedAtDescIdDesc(customerNo, Limit.of(20)).stream()
				.map((ProfileChange c) -> c.getField() + ":" + c.getOldValue() + "→" + c.getNewValue() + " by "
						+ c.getChangedBy() + " on " + c.getTaskId())
				.toList();
	}
}
