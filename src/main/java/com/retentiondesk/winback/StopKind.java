package com.retentiondesk.winback;

/** How far a line is barred. */
public enum StopKind {
	/** 单停: outgoing calls barred for arrears; the customer can still be called. */
	SINGLE_STOP,
	/** 双停: fully barred; only the customer's other numbers reach them. */
	DOUBLE_STOP
}
