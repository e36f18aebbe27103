package com.retentiondesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.retentiondesk.DeskTest;

/** Issue 32: closed cases' history is kept 180 days (configurable) and removed in the engine's nightly window. */
@DeskTest
class HistoryTimeToLiveTest {

	@Autowired
	RepositoryService repository;
	@Autowired
	ProcessEngineConfigurationImpl engine;
	@Autowired
	HistoryTimeToLive timeToLive;
	@Autowired
	org.camunda.bpm.engine.ProcessEngine processEngine;

	@Test
	void shouldGiveEveryDeployedProcessTheConfiguredTimeToLiveAndCleanUpAtNight() {
		assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
				.extracting(ProcessDefinition::getHistoryTimeToLive).isNotEmpty().containsOnly(180);
		assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		assertThat(engine.getHistoryCleanupBatchSize()).isEqualTo(500);
	}

	@Test
	void shouldBringADefinitionDeployedWithAnotherTimeToLiveToTheSettingAtTheNextStart() {
		ProcessDefinition arrears = repository.createProcessDefinitionQuery().processDefinitionKey("ArrearsReminderProcess")
				.latestVersion().singleResult();
		repository.updateProcessDefinitionHistoryTimeToLive(arrears.getId(), 30);

		timeToLive.postProcessEngineBuild(processEngine);

		assertThat(repository.getProcessDefinition(arrears.getId()).getHistoryTimeToLive()).isEqualTo(180);
	}

	@Test
	void shouldReadTheSettingAsDaysAndRefuseAnythingElseByName() {
		assertThat(HistoryTimeToLive.days("P30D")).isEqualTo(30);
		assertThat(HistoryTimeToLive.days(" P180D ")).isEqualTo(180);
		assertThatThrownBy(() -> HistoryTimeToLive.days("P6M")).hasMessageContaining("desk.history.time-to-live");
		assertThatThrownBy(() -> HistoryTimeToLive.days("180")).hasMessageContaining("P180D");
		assertThatThrownBy(() -> HistoryTimeToLive.days("P0D")).hasMessageContaining("desk.history.time-to-live");
	}
}
