/** The PHS to CDMA upgrade case (精确升级营销): dispatched lists, upgrade calls, orders, activation. */
package com.retentiondesk.upgrade;
