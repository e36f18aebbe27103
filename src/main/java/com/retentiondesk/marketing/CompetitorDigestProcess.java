package com.retentiondesk.marketing;

/** The contract of {@code processes/competitor-digest.bpmn}: keys, ids and variables, spelled only here. */
public final class CompetitorDigestProcess {

	public static final String PROCESS_KEY = "CompetitorDigestProcess";
	public static final String START_WEEKLY = "StartEvent_WeeklyDigest";
	public static final String SERVICE_MAIL_DIGEST = "ServiceTask_MailCompetitorDigest";
	public static final String END_DIGEST_MAILED = "EndEvent_DigestMailed";
	/** Optional start variable (by hand): the digest of the 7 days before this day ("2026-11-30"); today if absent. */
	public static final String DIGEST_UNTIL = "digestUntil";
	/** Written by the step: how many reports the digest listed. */
	public static final String DIGEST_COUNT = "digestCount";

	private CompetitorDigestProcess() {
	}
}
