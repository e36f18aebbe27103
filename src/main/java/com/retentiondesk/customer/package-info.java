/** Customers served by phone managers and their import from BSS exports. */
package com.retentiondesk.customer;
