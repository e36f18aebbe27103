package com.retentiondesk.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The short Chinese summary a call form shows (客户情况), in its three parts: the customer's lines (name,
 * number, second phone, the spend chart of the last 6 months), the case's own lines (payment type, stop kind, agreement, offer...) and the last
 * contacts. It is stored as text in the case variable {@code caseBrief}; {@link #parse} reads back what
 * {@link #text} wrote, so a listener that refreshes the customer's part keeps the case's lines without
 * knowing what they say.
 */
public record CaseBrief(List<String> customerLines, List<String> caseLines, List<String> contactLines) {

	static final String CUSTOMER = "客户: ";
	static final String NUMBER = "号码: ";
	static final String SECOND_PHONE = "第二联系电话: ";
	static final String CONTACTS = "最近联系";
	/** The profile's five basics with what is missing or unverified (issue 28): "客户资料: ..." and "资料待补: ...". */
	static final String PROFILE = "客户资料: ";
	static final String PROFILE_GAPS = "资料待补: ";
	/** The spend chart (多月话费): a heading line and a row per month ("  2026-06  ¥100.00  40次  █████"). */
	static final String SPEND = "近6月话费";
	private static final java.util.regex.Pattern SPEND_ROW = java.util.regex.Pattern.compile("  \\d{4}-\\d{2}  .*");

	public CaseBrief {
		customerLines = List.copyOf(customerLines);
		caseLines = List.copyOf(caseLines);
		contactLines = List.copyOf(contactLines);
	}

	/** The brief in a case variable's text; an absent brief has no lines. */
	public static CaseBrief parse(String text) {
		List<String> customer = new ArrayList<>();
		List<String> caseOwn = new ArrayList<>();
		List<String> contacts = new ArrayList<>();
		if (text != null) {
			for (String line : text.lines().toList()) {
				if (!contacts.isEmpty() || line.startsWith(CONTACTS)) {
					contacts.add(line);
				} else if (caseOwn.isEmpty() && isCustomerLine(line)) {
					customer.add(line);
				} else {
					caseOwn.add(line);
				}
			}
		}
		return new CaseBrief(customer, caseOwn, contacts);
	}

	private static boolean isCustomerLine(String line) {
		return line.startsWith(CUSTOMER) || line.startsWith(NUMBER) || line.startsWith(SECOND_PHONE)
				|| line.startsWith(PROFILE) || line.startsWith(PROFILE_GAPS)
				|| line.startsWith(SPEND) || SPEND_ROW.matcher(line).matches();
	}

	/** The same brief with the case line {@code label: ...} replaced by {@code label: value} (added if absent). */
	public CaseBrief withCaseLine(String label, String value) {
		String prefix = label + ": ";
		List<String> lines = new ArrayList<>(caseLines);
		int at = lines.stream().filter(line -> line.startsWith(prefix)).findFirst().map(lines::indexOf).orElse(-1);
		if (at >= 0) {
			lines.set(at, prefix + value);
		} else {
			lines.add(prefix + value);
		}
		return new CaseBrief(customerLines, lines, contactLines);
	}

	/** The text stored in {@code caseBrief}: the three parts, one line each, no trailing line break. */
	public String text() {
		return String.join("\n", Stream.of(customerLines, caseLines, contactLines).flatMap(List::stream).toList());
	}
}
