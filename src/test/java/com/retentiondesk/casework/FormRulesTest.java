package com.retentiondesk.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.retentiondesk.DeskTest;

/** Every user task of every process has server-side form rules, and the supervisors' form is checked. */
@DeskTest
class FormRulesTest {

	@Autowired
	List<TaskFormRules> rules;

	@Test
	void shouldCheckTheFormOfEveryUserTaskOnTheServer() throws Exception {
		Set<String> covered = rules.stream().flatMap(r -> r.taskDefinitionKeys().stream()).collect(Collectors.toSet());
		Set<String> userTasks;
		try (var files = java.nio.file.Files.list(java.nio.file.Path.of("processes"))) {
			userTasks = files.filter(p -> p.toString().endsWith(".bpmn"))
					.flatMap(p -> Bpmn.readModelFromFile(p.toFile()).getModelElementsByType(UserTask.class).stream())
					.map(UserTask::getId)
					.collect(Collectors.toSet());
		}

		assertThat(covered).containsAll(userTasks);
	}

	@Test
	void shouldRequireTheSupervisorsActionInChinese() {
		TaskFormRules review = rules.stream().filter(r -> r.taskDefinitionKeys().contains("Task_EscalationReview"))
				.findFirst().orElseThrow();
		Map<String, Object> tooLong = new HashMap<>(Map.of("escalationAction", "REASSIGNED"));
		tooLong.put("escalationNotes", "很".repeat(1001));

		assertThatThrownBy(() -> review.check(Map.of())).isInstanceOf(FormRejectedException.class)
				.hasMessage("表单有误: 请选择“处理方式”");
		assertThatThrownBy(() -> review.check(Map.of("escalationAction", "IGNORED")))
				.hasMessageContaining("“处理方式”的值无效");
		assertThatThrownBy(() -> review.check(tooLong)).hasMessageContaining("“处理说明”不能超过1000个字");
		assertThatCode(() -> review.check(Map.of("escalationAction", "CALLED_MYSELF"))).doesNotThrowAnyException();
	}
}
