/**
 * Who may do what: HTTP Basic for the two APIs, the desk's groups, users, authorizations and Tasklist
 * filters created at start, and the guards in front of the engine and the APIs: or-query expressions,
 * stored filter expressions, own-password-only, statistics, failed logins per address, API headers,
 * the production administrator's password, and 4xx answers for the caller's mistakes.
 */
package com.retentiondesk.security;
