/**
 * What every uploaded list shares (customer imports, dispatches, the monthly usage feed): one report
 * shape ({@code ListReport}) built in bounded memory ({@code ListTally}), and long lists run in the
 * background with their state in the database ({@code ListJobs}). Depends on no other desk package but
 * {@code web}.
 */
package com.retentiondesk.imports;
