/** Calls customers make to 10000 (呼入): the CTI's routing to the customer's phone manager. */
package com.retentiondesk.inbound;
