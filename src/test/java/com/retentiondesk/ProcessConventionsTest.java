package com.retentiondesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The house rules for every BPMN file under processes/ and every form under forms/. */
class ProcessConventionsTest {

	/** Readable ids: a known prefix and a name in PascalCase, never a Modeler-generated suffix. */
	private static final Pattern ELEMENT_ID = Pattern.compile(
			"(StartEvent|EndEvent|Task|ServiceTask|Gateway|TimerEvent|BoundaryEvent|MessageEvent|SubProcess|Flow)_[A-Z][A-Za-z0-9]+");
	private static final Pattern GENERATED = Pattern.compile(".*_[0-9a-z]{7}$");

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
