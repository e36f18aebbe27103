/** Outbound e-mail and SMS through an outbox, sent exactly once per message key. */
package com.retentiondesk.notification;
