/**
 * Configuration the whole desk shares: the clock (and the e2e profile's time machine), the deployment of
 * processes and forms with its delegate check, and the desk's migrations on the engine's tables.
 */
package com.retentiondesk.system;
