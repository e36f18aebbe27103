/** What billing tells the desk: monthly bills, and later payments and line-status events. */
package com.retentiondesk.billing;
