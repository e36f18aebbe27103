package com.retentiondesk.system;

import org.camunda.bpm.engine.ProcessEngine;

/** For tests elsewhere: does what a restart does with the classpath processes and forms. */
public class ClasspathDeploymentProbe {

	public void redeploy(ProcessEngine engine) {
		new DeskDeployment().postProcessEngineBuild(engine);
	}
}
