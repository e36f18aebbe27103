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
	PHS_UPGRADE,
	/** 话务下降用户保有: this month's bill well below last month's. */
	TRAFFIC_DECLINE,
	/** 套餐预警保有: spend above or below the package, or no package. */
	PACKAGE_ADVICE,
	/** 用户资料核实: a CDMA 普1 customer's five basics completed and verified on a call, no marketing (issue 28). */
	PROFILE_VERIFICATION
}
