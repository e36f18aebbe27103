/** The contract-expiry retention case (到期预警保有): daily scan, offer by DMN, retention call, renewal. */
package com.retentiondesk.expiry;
