/**
 * Outbound e-mail and SMS through an outbox, sent exactly once per message key. SMS go to the operator's
 * SMS centre over SMPP 3.4 when {@code SMPP_HOST} is set ({@link com.retentiondesk.notification.SmppSmsGateway}),
 * else stay in the desk ({@link com.retentiondesk.notification.LocalSmsGateway}); delivery receipts and
 * customers' opt-out replies come back through {@link com.retentiondesk.notification.SmsReceipts}.
 */
package com.retentiondesk.notification;
