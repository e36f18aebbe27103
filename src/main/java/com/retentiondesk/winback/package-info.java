/** The suspended-customer win-back case (停机预警保有): immediate call, alternate numbers, won back or lost. */
package com.retentiondesk.winback;
