package com.retentiondesk.contact;

/** How a customer was contacted. */
public enum ContactChannel {
	PHONE, SMS, EMAIL
}
