package com.retentiondesk.customer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Customer segments that the retention rules distinguish (客户分群). */
public enum Segment {
	/** 普1: tier-1 (general) CDMA customers. */
	CDMA_TIER1("普1", "CDMA普1", "C网普1"),
	/** 中高端: mid/high-end customers, the PHS base that phone managers serve. */
	MID_HIGH_END("中高端"),
	/** Any other segment. */
	OTHER("其他");

	private final List<String> labels;

	Segment(String... labels) {
		this.labels = List.of(labels);
	}

	/** The Chinese label used in BSS exports and shown to users. */
	public String label() {
		return labels.get(0);
	}

	/** Reads a code (CDMA_TIER1) or a Chinese label (普1) as found in BSS exports. */
	public static Optional<Segment> parse(String text) {
		String value = text.trim();
		return Arrays.stream(values())
				.filter(s -> s.name().equalsIgnoreCase(value) || s.labels.contains(value))
				.findFirst();
	}
}
