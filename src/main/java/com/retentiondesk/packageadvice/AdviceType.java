package com.retentiondesk.packageadvice;

/** What the package advice proposes (decision {@code PackageAdvice}). */
public enum AdviceType {
	/** 升档: over the package's minimum several months running. */
	NEXT_TIER("升档到"),
	/** 调整: under-use, a package that fits the spend (or a reminder to use the package). */
	RIGHT_SIZE("改用更合适的"),
	/** 入套餐: no package, one by the spend. */
	JOIN_PACKAGE("办理"),
	/** 融合: towards a converged package. */
	CONVERGED("改办融合套餐");

	private final String verb;

	AdviceType(String verb) {
		this.verb = verb;
	}

	/** "升档到 89元套餐". */
	public String advice(String packageName) {
		return verb + " " + packageName;
	}
}
