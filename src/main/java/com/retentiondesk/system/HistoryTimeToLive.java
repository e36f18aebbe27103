package com.retentiondesk.system;

import java.time.Period;
import java.util.ArrayList;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long the history of a closed case is kept (issue 32): {@code desk.history.time-to-live}, 180 days unless
 * set (an ISO period of days, {@code P180D}). Every process deployed gets it, whatever its BPMN says (the
 * files carry {@code P180D} for the Modeler and the linter), and the definitions deployed before a change of
 * the setting are brought to it at start-up. The engine's nightly history cleanup
 * ({@code history-cleanup-batch-window-*} in application.yaml) removes a case's history once its process
 * instance ended this long ago.
 */
@Component
class HistoryTimeToLive extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(HistoryTimeToLive.class);

	private final int days;

	HistoryTimeToLive(@Value("${desk.history.time-to-live:P180D}") String timeToLive) {
		this.days = days(timeToLive);
	}

	/** The days of an ISO period of days ("P180D"); a bad setting stops the start with the setting's name. */
	static int days(String timeToLive) {
		try {
			Period period = Period.parse(timeToLive.trim());
			if (period.getYears() != 0 || period.getMonths() != 0 || period.getDays() < 1) {
				throw new IllegalArgumentException("not a positive number of days");
			}
			return period.getDays();
		} catch (RuntimeException e) {
			throw new IllegalStateException("desk.history.time-to-live must be a number of days such as P180D, not '"
					+ timeToLive + "': " + e.getMessage(), e);
		}
	}

	int days() {
		return days;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreBPMNParseListeners() == null) {
			configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
				processDefinition.setHistoryTimeToLive(days);
			}
		});
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		RepositoryService repository = engine.getRepositoryService();
		int updated = 0;
		for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
			if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
				try {
					repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
					updated++;
				} catch (OptimisticLockingException setByAnotherNode) {
					// nodes starting together after a change of the setting: one of them updates each definition
					log.debug("history time to live of {} set by another node", definition.getId());
				}
			}
		}
		if (updated > 0) {
			log.info("history time to live: {} process definitions set to {} days", updated, days);
		}
	}
}
