package com.retentiondesk.customer;

/** The state of a customer's line as billing reports it. */
public enum LineStatus {
	ACTIVE,
	/** 单停: outgoing calls barred for arrears. */
	SINGLE_STOP,
	/** 双停: fully barred. */
	DOUBLE_STOP,
	CLOSED
}
