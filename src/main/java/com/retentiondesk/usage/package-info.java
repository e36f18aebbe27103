/** The monthly usage-warning scan: opens traffic-decline and package-advice cases from the monthly bills. */
package com.retentiondesk.usage;
