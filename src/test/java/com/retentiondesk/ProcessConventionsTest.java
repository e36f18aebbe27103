package com.retentiondesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.retentiondesk.casework.CaseVariables;
import com.retentiondesk.web.DeskGroups;

/** The house rules for every BPMN file under processes/ and every form under forms/. */
class ProcessConventionsTest {

	/** Readable ids: a known prefix and a name in PascalCase, never a Modeler-generated suffix. */
	private static final Pattern ELEMENT_ID = Pattern.compile(
			"(StartEvent|EndEvent|Task|ServiceTask|Gateway|TimerEvent|BoundaryEvent|MessageEvent|SubProcess|Flow)_[A-Z][A-Za-z0-9]+");
	private static final Pattern GENERATED = Pattern.compile(".*_[0-9a-z]{7}$");

	/**
	 * What makes a user task an escalation, whatever its id: the supervisors' review form. (The candidate
	 * group alone does not: winback's 无备用联系方式 is a supervisor task but no escalation.)
	 */
	private static final String ESCALATION_FORM = "escalation-review";
	/** The candidate group of every supervisor task: the team's supervisors, not every supervisor (issue 24). */
	private static final String TEAM_SUPERVISORS = "${" + CaseVariables.SUPERVISOR_GROUP + "}";
	/** The delegate of the service tasks that record an escalation and mail the supervisor. */
	private static final String ESCALATE_DELEGATE = "${escalateOverdueTask}";

	static Stream<Path> processes() throws IOException {
		return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
	}

	@ParameterizedTest
	@MethodSource("processes")
	void shouldUseMeaningfulIds(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		List<String> bad = new ArrayList<>();
		for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
			check(node, bad);
		}
		for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
			check(flow, bad);
		}
		assertThat(bad).as(file + ": ids that do not name their business meaning").isEmpty();
		for (Process process : model.getModelElementsByType(Process.class)) {
			assertThat(process.getId()).as(file + ": process key").matches("[A-Z][A-Za-z0-9]+Process");
		}
	}

	@ParameterizedTest
	@MethodSource("processes")
	void shouldHaveACompleteDiagram(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
				.map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
		Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
				.map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());

		assertThat(shapes).as(file + ": shapes").containsAll(ids(model.getModelElementsByType(FlowNode.class)));
		assertThat(edges).as(file + ": edges").containsAll(ids(model.getModelElementsByType(SequenceFlow.class)));
	}

	@ParameterizedTest
	@MethodSource("processes")
	void shouldKeepHistoryForALimitedTime(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		for (Process process : model.getModelElementsByType(Process.class)) {
			assertThat(process.getCamundaHistoryTimeToLiveString()).as(file + ": historyTimeToLive").isNotBlank();
			assertThat(process.isExecutable()).as(file + ": isExecutable").isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("processes")
	void shouldGiveEveryUserTaskAFormThatExistsBoundByDeployment(Path file) throws IOException {
		Set<String> formIds = formIds();
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			assertThat(task.getCamundaFormRef()).as(file + ": form of " + task.getId()).isNotBlank();
			assertThat(formIds).as(file + ": form of " + task.getId()).contains(task.getCamundaFormRef());
			assertThat(task.getCamundaFormRefBinding()).as(file + ": binding of " + task.getId()).isEqualTo("deployment");
			assertThat(task.getName()).as(file + ": name of " + task.getId()).isNotBlank();
		}
	}

	/**
	 * The supervisors' 已升级 filter, the escalation mail and the KPI ledger find escalation tasks by the
	 * key prefix {@link DeskGroups#ESCALATION_TASK_PREFIX}: a renamed id would drop them silently.
	 */
	@ParameterizedTest
	@MethodSource("processes")
	void shouldGiveEveryEscalationTaskAndOnlyThoseTheEscalationPrefix(Path file) {
		BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());

		assertThat(escalationNamingProblems(model)).as(file + ": escalation tasks the 已升级 filter would get wrong")
				.isEmpty();
	}

	@Test
	void shouldReportAnEscalationTaskWhoseIdTheEscalatedFilterMisses() {
		BpmnModelInstance model = model("Task_SupervisorReview", ESCALATION_FORM, TEAM_SUPERVISORS);

		assertThat(escalationNamingProblems(model)).anySatisfy(problem -> assertThat(problem)
				.startsWith("Task_SupervisorReview: an escalation task").contains(DeskGroups.ESCALATION_TASK_PREFIX))
				.anySatisfy(problem -> assertThat(problem).startsWith("DemoProcess: ServiceTask_NotifySupervisor"));
	}

	@Test
	void shouldReportATaskThatHasTheEscalationPrefixButIsNoEscalation() {
		BpmnModelInstance model = model("Task_EscalatedCall", "arrears-call", "${teamGroup}");

		assertThat(escalationNamingProblems(model)).anySatisfy(problem -> assertThat(problem)
				.startsWith("Task_EscalatedCall: its id starts with " + DeskGroups.ESCALATION_TASK_PREFIX));
	}

	@Test
	void shouldAcceptAnEscalationTaskNamedWithThePrefix() {
		BpmnModelInstance model = model("Task_EscalationReview", ESCALATION_FORM, TEAM_SUPERVISORS);

		assertThat(escalationNamingProblems(model)).isEmpty();
	}

	@Test
	void shouldNameEveryFormFileAfterItsId() throws IOException {
		ObjectMapper json = new ObjectMapper();
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
				JsonNode id = json.readTree(form.toFile()).get("id");
				assertThat(id).as(form + " has an id").isNotNull();
				assertThat(form.getFileName().toString()).isEqualTo(id.asText() + ".form");
			}
		}
	}

	/**
	 * Every escalation task's id starts with the prefix, every task with the prefix is an escalation task
	 * for the supervisors, and every escalation path (a service task calling {@value #ESCALATE_DELEGATE})
	 * leads to a task with the prefix.
	 */
	private static List<String> escalationNamingProblems(BpmnModelInstance model) {
		String prefix = DeskGroups.ESCALATION_TASK_PREFIX;
		List<String> problems = new ArrayList<>();
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			boolean escalation = ESCALATION_FORM.equals(task.getCamundaFormRef());
			boolean prefixed = task.getId().startsWith(prefix);
			boolean forSupervisors = task.getCamundaCandidateGroupsList().contains(TEAM_SUPERVISORS);
			if (escalation && !prefixed) {
				problems.add(task.getId() + ": an escalation task (form " + ESCALATION_FORM
						+ ") whose id does not start with " + prefix + ": the supervisors' 已升级 filter would not show it");
			}
			if (prefixed && !(escalation && forSupervisors)) {
				problems.add(task.getId() + ": its id starts with " + prefix + " but it is no escalation task (form "
						+ ESCALATION_FORM + ", candidate group " + TEAM_SUPERVISORS + ")");
			}
		}
		for (ServiceTask notify : model.getModelElementsByType(ServiceTask.class)) {
			if (ESCALATE_DELEGATE.equals(notify.getCamundaDelegateExpression())
					&& userTasksAfter(notify).stream().noneMatch(task -> task.getId().startsWith(prefix))) {
				problems.add(processOf(notify).getId() + ": " + notify.getId()
						+ " escalates, but no task after it has an id starting with " + prefix);
			}
		}
		return problems;
	}

	/**
	 * The first user tasks reached from the node along sequence flows (by their sourceRef, which BPMN
	 * requires, not the optional outgoing elements).
	 */
	private static Set<UserTask> userTasksAfter(FlowNode start) {
		Collection<SequenceFlow> flows = start.getModelInstance().getModelElementsByType(SequenceFlow.class);
		Set<UserTask> found = new HashSet<>();
		Set<FlowNode> seen = new HashSet<>(List.of(start));
		Deque<FlowNode> next = new ArrayDeque<>(List.of(start));
		while (!next.isEmpty()) {
			FlowNode node = next.pop();
			for (SequenceFlow flow : flows) {
				if (!node.equals(flow.getSource())) {
					continue;
				}
				if (flow.getTarget() instanceof UserTask task) {
					found.add(task);
				} else if (seen.add(flow.getTarget())) {
					next.push(flow.getTarget());
				}
			}
		}
		return found;
	}

	private static Process processOf(ModelElementInstance element) {
		ModelElementInstance parent = element.getParentElement();
		while (!(parent instanceof Process)) {
			parent = parent.getParentElement();
		}
		return (Process) parent;
	}

	/** A case process whose overdue call escalates to a supervisor task with this id, form and group. */
	private static BpmnModelInstance model(String taskId, String formRef, String candidateGroups) {
		String xml = """
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://example.cn/bpmn">
				  <bpmn:process id="DemoProcess" isExecutable="true" camunda:historyTimeToLive="P180D">
				    <bpmn:startEvent id="StartEvent_Opened" />
				    <bpmn:sequenceFlow id="Flow_ToCall" sourceRef="StartEvent_Opened" targetRef="Task_Call" />
				    <bpmn:userTask id="Task_Call" camunda:assignee="${managerId}" camunda:candidateGroups="${teamGroup}"
				        camunda:formRef="arrears-call" camunda:formRefBinding="deployment" />
				    <bpmn:sequenceFlow id="Flow_Called" sourceRef="Task_Call" targetRef="EndEvent_Called" />
				    <bpmn:endEvent id="EndEvent_Called" />
				    <bpmn:boundaryEvent id="BoundaryEvent_CallOverdue" cancelActivity="false" attachedToRef="Task_Call">
				      <bpmn:timerEventDefinition><bpmn:timeDuration>PT8H</bpmn:timeDuration></bpmn:timerEventDefinition>
				    </bpmn:boundaryEvent>
				    <bpmn:sequenceFlow id="Flow_Overdue" sourceRef="BoundaryEvent_CallOverdue"
				        targetRef="ServiceTask_NotifySupervisor" />
				    <bpmn:serviceTask id="ServiceTask_NotifySupervisor" camunda:delegateExpression="%4$s" />
				    <bpmn:sequenceFlow id="Flow_ToReview" sourceRef="ServiceTask_NotifySupervisor" targetRef="%1$s" />
				    <bpmn:userTask id="%1$s" camunda:assignee="${supervisorId}" camunda:candidateGroups="%2$s"
				        camunda:formRef="%3$s" camunda:formRefBinding="deployment" />
				    <bpmn:sequenceFlow id="Flow_Reviewed" sourceRef="%1$s" targetRef="EndEvent_Reviewed" />
				    <bpmn:endEvent id="EndEvent_Reviewed" />
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(taskId, candidateGroups, formRef, ESCALATE_DELEGATE);
		return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static Set<String> formIds() throws IOException {
		ObjectMapper json = new ObjectMapper();
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			Set<String> ids = new java.util.HashSet<>();
			for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
				ids.add(json.readTree(form.toFile()).get("id").asText());
			}
			return ids;
		}
	}

	private static void check(BaseElement element, List<String> bad) {
		String id = element.getId();
		if (!ELEMENT_ID.matcher(id).matches() || GENERATED.matcher(id).matches()) {
			bad.add(id);
		}
	}

	private static Set<String> ids(Collection<? extends BaseElement> elements) {
		return elements.stream().map(BaseElement::getId).collect(Collectors.toSet());
	}
}
