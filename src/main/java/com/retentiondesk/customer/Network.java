package com.retentiondesk.customer;

/** The network a customer's line is on. */
public enum Network {
	/** 小灵通, the legacy Personal Handy-phone System being phased out. */
	PHS,
	/** C网, the CDMA mobile network. */
	CDMA
}
