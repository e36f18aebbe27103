/** Working days (with public holidays and 调休) and the hours in which customers may be called. */
package com.retentiondesk.calendar;
