/** Customer agreements (recharge binding, handset subsidy) and their end dates. */
package com.retentiondesk.contract;
