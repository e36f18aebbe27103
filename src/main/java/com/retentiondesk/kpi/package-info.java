/** What supervisors measure: KPIs per case type, manager and team, metrics and Excel reports. */
package com.retentiondesk.kpi;
