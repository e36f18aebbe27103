/** Demo customers for a newcomer's first start (default profile only). */
package com.retentiondesk.demo;
