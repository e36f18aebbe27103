package com.retentiondesk.archfixture.beta;

import com.retentiondesk.archfixture.alpha.Alpha;

/** The other half of the deliberate package cycle: beta uses alpha back. */
public class Beta {

	public Alpha partner() {
		return new Alpha();
	}
}
