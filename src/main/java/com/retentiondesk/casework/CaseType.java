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
	/** 客户生日祝福: a greeting call or SMS on a star customer's birthday, without any offer. */
	BIRTHDAY_GREETING
}
