package com.retentiondesk.casework;

/** The kinds of retention case; each is one BPMN process. */
public enum CaseType {
	/** 欠费温馨提醒. */
	ARREARS_REMINDER,
	/** 到期预警保有. */
	CONTRACT_EXPIRY,
	/** 停机预警保有. */
	SUSPENDED_WINBACK,
	/** 精确升级营销. */
	PHS_UPGRADE
}
