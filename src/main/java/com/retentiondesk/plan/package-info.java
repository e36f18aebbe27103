/** The phone managers' monthly work plans (工作计划): drafted from the data, edited in Excel, reviewed by the supervisor. */
package com.retentiondesk.plan;
