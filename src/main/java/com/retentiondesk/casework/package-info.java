/** What every retention case shares: the case row with its one-open-case rule, types and outcomes. */
package com.retentiondesk.casework;
