package com.retentiondesk.notification;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SMS text as the SMS centre takes it: UCS-2 (data_coding 0x08, UTF-16 big-endian), one short message of
 * at most 70 characters, or a long one split into parts of 67 characters each behind a concatenation
 * header (UDH: {@code 05 00 03 ref total seq}, esm_class 0x40), never splitting a surrogate pair. Also the
 * reading of customers' replies (MO) and which of them are an opt-out.
 */
public final class SmsText {

	/** UCS-2 characters (UTF-16 code units) in a single SMS, and in each part of a concatenated one. */
	public static final int SINGLE_UNITS = 70;
	public static final int PART_UNITS = 67;
	/** SMPP data_coding of UCS-2. */
	public static final byte UCS2 = 0x08;
	/** esm_class bit: the short message starts with a user data header. */
	public static final byte UDHI = 0x40;

	/** Replies that opt out of care and marketing SMS (退订), compared trimmed and upper-cased. */
	private static final Set<String> OPT_OUT_WORDS = Set.of("TD", "T", "退订");

	private SmsText() {
	}

	/** The text in UTF-16 code-unit chunks as the parts of one message (one chunk if it fits a single SMS). */
	public static List<String> split(String text) {
		if (text.length() <= SINGLE_UNITS) {
			return List.of(text);
		}
		List<String> parts = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = Math.min(text.length(), start + PART_UNITS);
			if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
				end--;
			}
			parts.add(text.substring(start, end));
			start = end;
		}
		return parts;
	}

	/**
	 * The short_message bytes of each part: UCS-2 alone for a single SMS, else the concatenation header with
	 * reference {@code ref} (one byte, the same in every part of a message) and the part's UCS-2 text.
	 */
	public static List<byte[]> encode(String text, int ref) {
		List<String> parts = split(text);
		if (parts.size() == 1) {
			return List.of(text.getBytes(StandardCharsets.UTF_16BE));
		}
		if (parts.size() > 255) {
			throw new IllegalArgumentException("an SMS of " + parts.size() + " parts is too long (255 at most)");
		}
		List<byte[]> encoded = new ArrayList<>(parts.size());
		for (int i = 0; i < parts.size(); i++) {
			byte[] body = parts.get(i).getBytes(StandardCharsets.UTF_16BE);
			ByteBuffer part = ByteBuffer.allocate(6 + body.length);
			part.put((byte) 0x05).put((byte) 0x00).put((byte) 0x03).put((byte) ref).put((byte) parts.size())
					.put((byte) (i + 1)).put(body);
			encoded.add(part.array());
		}
		return encoded;
	}

	/** How many parts the text goes out in. */
	public static int parts(String text) {
		return split(text).size();
	}

	/**
	 * The text of a received short message: UCS-2 for data_coding 0x08, else the default alphabet read as
	 * ASCII/Latin-1 (what SMS centres send Latin replies such as "TD" in); a user data header is skipped.
	 */
	public static String decode(byte[] message, byte dataCoding, boolean udhi) {
		if (message == null) {
			return "";
		}
		int offset = udhi && message.length > 0 ? 1 + (message[0] & 0xff) : 0;
		if (offset >= message.length) {
			return "";
		}
		return dataCoding == UCS2
				? new String(message, offset, message.length - offset, StandardCharsets.UTF_16BE)
				: new String(message, offset, message.length - offset, StandardCharsets.ISO_8859_1);
	}

	/** Whether a reply is an opt-out (TD, T, 退订), ignoring case, blanks and trailing punctuation. */
	public static boolean isOptOut(String reply) {
		String word = reply == null ? "" : reply.strip().replaceAll("[\\p{P}\\s]+$", "").toUpperCase(Locale.ROOT);
		return OPT_OUT_WORDS.contains(word);
	}
}
