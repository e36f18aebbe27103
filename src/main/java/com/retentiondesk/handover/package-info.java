/**
 * Billing events turned into case moves: payments, suspensions, reactivations and activations are
 * recorded once and hand the customer over between the cases (arrears, win-back, upgrade). The one
 * package above several cases; the cases never call it.
 */
package com.retentiondesk.handover;
