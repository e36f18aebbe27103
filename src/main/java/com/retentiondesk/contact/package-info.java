/** The log of every contact attempt with a customer. */
package com.retentiondesk.contact;
