package com.retentiondesk.tasklist;

import org.camunda.bpm.engine.rest.hal.cache.HalRelationCacheBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Caches the users, groups and process definitions that the REST API embeds in every Tasklist page
 * (HAL, {@code application/hal+json}): the assignee's and the candidate group's names and the process
 * name of each task. Without it every page of 15 asked the database for them again, with their own
 * authorization checks. One cache serves {@code /engine-rest} and the webapps' API, which share the
 * engine's REST classes.
 * <p>
 * The cache holds what a phone manager may read anyway (staff read every user and group, and every
 * process definition, see {@link IdentitySetup}). A cached entry is served without the reader's own
 * authorization check: someone who may read a task but not users would see its assignee's name and
 * e-mail address once another user's page has cached them. Every account that can read tasks is staff
 * (or an administrator), who may read all users; keep it so. A renamed user or group shows its new name after
 * {@code desk.tasklist.hal-cache-seconds} (default 5 minutes) at the latest; a process definition
 * never changes once deployed.
 */
@Component
class HalCaches implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(HalCaches.class);
	private static final String CACHE = "org.camunda.bpm.engine.rest.hal.cache.DefaultHalResourceCache";

	private final HalRelationCacheBootstrap bootstrap = new HalRelationCacheBootstrap();

	HalCaches(@Value("${desk.tasklist.hal-cache-seconds:300}") long seconds) {
		if (seconds <= 0) {
			log.info("HAL caches off (desk.tasklist.hal-cache-seconds={})", seconds);
			return;
		}
		String names = "{\"capacity\": 2000, \"secondsToLive\": " + seconds + "}";
		bootstrap.configureCaches("{\"cacheImplementation\": \"" + CACHE + "\", \"caches\": {"
				+ "\"org.camunda.bpm.engine.rest.hal.user.HalUser\": " + names + ", "
				+ "\"org.camunda.bpm.engine.rest.hal.group.HalGroup\": " + names + ", "
				+ "\"org.camunda.bpm.engine.rest.hal.processDefinition.HalProcessDefinition\": "
				+ "{\"capacity\": 500, \"secondsToLive\": 86400}}}");
		log.info("HAL caches on: users and groups for {} s, process definitions for a day", seconds);
	}

	@Override
	public void destroy() {
		bootstrap.contextDestroyed(null);
	}
}
