package com.retentiondesk.system;

import java.util.List;

/** The Camunda groups of the desk. Group ids are API for integrators and filters: keep them. */
public final class DeskGroups {

	public static final String PHONE_MANAGERS = "phone-managers";
	public static final String SUPERVISORS = "supervisors";
	public static final String ADMINS = "camunda-admin";
	public static final String INTEGRATION = "integration";
	/** Teams are groups of type {@value #TEAM_TYPE}; every phone manager and supervisor is in one. */
	public static final String TEAM_TYPE = "TEAM";
	public static final List<String> DEMO_TEAMS = List.of("team1", "team2");

	private DeskGroups() {
	}
}
