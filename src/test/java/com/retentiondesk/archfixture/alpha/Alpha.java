package com.retentiondesk.archfixture.alpha;

import com.retentiondesk.archfixture.beta.Beta;

/** Half of a deliberate package cycle, for {@code ArchitectureTest}: alpha uses beta. */
public class Alpha {

	public Beta partner() {
		return new Beta();
	}
}
