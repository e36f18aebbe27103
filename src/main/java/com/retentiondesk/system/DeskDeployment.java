package com.retentiondesk.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys everything under {@code processes/} and {@code forms/} (BPMN, DMN, Camunda Forms) as one
 * deployment named {@value #DEPLOYMENT_NAME} when the engine starts.
 * <p>
 * The starter's own auto-deployment is switched off: it names resources by their absolute file path
 * (so two nodes installed in different folders deploy "different" resources) and deploys no forms by
 * default. Here each resource is named {@code processes/x.bpmn} or {@code forms/y.form}, the whole
 * set is deployed together (a {@code formRefBinding="deployment"} form must sit in the deployment of
 * its process) and only when something changed, compared with the last deployment of the same name.
 * A deployment made at runtime (Modeler, REST) has another name, so a restart does not supersede it
 * unless the classpath copy has changed since the last start.
 */
@Component
class DeskDeployment extends AbstractProcessEnginePlugin {

	static final String DEPLOYMENT_NAME = "retention-desk";
	private static final String[] PATTERNS = { "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
			"classpath*:forms/*.form" };
	private static final Logger log = LoggerFactory.getLogger(DeskDeployment.class);

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		DeploymentBuilder deployment = processEngine.getRepositoryService()
				.createDeployment()
				.name(DEPLOYMENT_NAME)
				.source("retention-desk classpath")
				.enableDuplicateFiltering(false);
		int resources = 0;
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		try {
			for (String pattern : PATTERNS) {
				Resource[] found = resolver.getResources(pattern);
				Arrays.sort(found, Comparator.comparing(Resource::getFilename));
				String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
				for (Resource resource : found) {
					try (InputStream in = resource.getInputStream()) {
						deployment.addInputStream(folder + resource.getFilename(), in);
					}
					resources++;
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read the desk's processes and forms", e);
		}
		if (resources == 0) {
			log.warn("no processes or forms found on the classpath; nothing deployed");
			return;
		}
		DeploymentWithDefinitions result = deployment.deployWithResult();
		log.info("deployment '{}': {} resources, {} process definitions (re)deployed, deployment id {}", DEPLOYMENT_NAME,
				resources, result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size(),
				result.getId());
	}
}
