/** Test fixture only: two packages that depend on each other, which {@code ArchitectureTest}'s cycle rule must report. */
package com.retentiondesk.archfixture;
