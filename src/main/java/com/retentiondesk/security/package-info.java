/**
 * Who may do what: HTTP Basic for the two APIs, the desk's groups, users, authorizations and Tasklist
 * filters created at start, and the guard against expressions in task or-queries.
 */
package com.retentiondesk.security;
