/** The arrears reminder case (欠费温馨提醒): daily scan, reminder calls, payment, escalation. */
package com.retentiondesk.arrears;
