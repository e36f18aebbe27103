/** What billing tells the desk, as data: payments, line events and monthly bills (the cases' moves are in {@code handover}). */
package com.retentiondesk.billing;
