/** What administrators do beyond Camunda Admin: migrate running cases between process versions. */
package com.retentiondesk.admin;
