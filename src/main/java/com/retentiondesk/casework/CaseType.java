package com.retentiondesk.casework;

/** The kinds of retention case; each is one BPMN process, and has the Chinese name the desk shows. */
public enum CaseType {
	ARREARS_REMINDER("欠费温馨提醒"),
	CONTRACT_EXPIRY("到期预警保有"),
	SUSPENDED_WINBACK("停机预警保有"),
	PHS_UPGRADE("精确升级营销"),
	/** This month's bill well below last month's. */
	TRAFFIC_DECLINE("话务下降保有"),
	/** Spend above or below the package, or no package. */
	PACKAGE_ADVICE("套餐预警保有"),
	/** A star customer's call to 10000 the manager calls back, or whose fault or complaint result they tell. */
	INBOUND_CALLBACK("来电回复"),
	/** A greeting call or SMS on a star customer's birthday, without any offer. */
	BIRTHDAY_GREETING("客户生日祝福"),
	/** A CDMA 普1 customer's five basics completed and verified on a call, no marketing (issue 28). */
	PROFILE_VERIFICATION("用户资料核实");

	private final String label;

	CaseType(String label) {
		this.label = label;
	}

	/** The name shown to phone managers and supervisors (briefs, 保有看板, reports). */
	public String label() {
		return label;
	}
}
