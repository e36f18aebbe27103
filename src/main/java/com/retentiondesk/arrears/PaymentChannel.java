package com.retentiondesk.arrears;

/** The ways to pay that a manager can suggest (建议的缴费渠道). */
enum PaymentChannel {
	WECHAT, ALIPAY, ONLINE, HALL, BANK, CARD
}
