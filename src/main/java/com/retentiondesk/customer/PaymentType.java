package com.retentiondesk.customer;

/** 付费类型. */
public enum PaymentType {
	PREPAID, POSTPAID
}
