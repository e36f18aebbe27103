package com.retentiondesk.contract;

/** Agreements whose expiry opens a contract-expiry retention case. */
public enum AgreementType {
	/** 充值绑定. */
	RECHARGE_BINDING,
	/** 终端补贴协议. */
	HANDSET_SUBSIDY
}
