package com.retentiondesk.notification;

/** How an outbound message travels. */
public enum Channel {
	EMAIL, SMS
}
