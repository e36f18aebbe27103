package com.retentiondesk.usage;

/** The contract of {@code processes/usage-warning-scan.bpmn}: key, ids and variables, spelled only here. */
public final class UsageScanProcess {

	public static final String PROCESS_KEY = "UsageWarningScanProcess";
	public static final String START_MONTHLY = "StartEvent_MonthlyScan";
	public static final String SERVICE_OPEN_CASES = "ServiceTask_OpenUsageCases";
	public static final String END_DONE = "EndEvent_ScanDone";

	public static final String SCAN_FORCE = com.retentiondesk.casework.ScanDays.FORCE;
	/** Optional start variable: the scan's month ("2026-12"); the current month if absent. */
	public static final String SCAN_MONTH = "scanMonth";
	public static final String SCAN_OPENED = "opened";
	public static final String SCAN_SKIPPED = "skipped";

	private UsageScanProcess() {
	}
}
