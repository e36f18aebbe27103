package com.retentiondesk.profile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_OpenVerifications} of {@code ProfileScanProcess}: on Mondays, or any day when started with
 * {@code force=true}, gives out (to the managers of {@code team} only, if given) the week's verification calls ({@link ProfileVerifications}). Writes {@code opened}.
 */
@Component("profileScan")
class ProfileScanDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(ProfileScanDelegate.class);

	private final ProfileVerifications verifications;

	ProfileScanDelegate(ProfileVerifications verifications) {
		this.verifications = verifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int opened = 0;
		if (verifications.isScanDay(Boolean.TRUE.equals(execution.getVariable(ProfileProcess.FORCE)))) {
			Object team = execution.getVariable(ProfileProcess.TEAM);
			opened = verifications.run(team == null || team.toString().isBlank() ? null : team.toString().trim());
		} else {
			log.info("profile scan: not a Monday, no calls given out (start with force=true to run by hand)");
		}
		execution.setVariable(ProfileProcess.OPENED, opened);
	}
}
