package com.retentiondesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class SmsTextTest {

	@Test
	void seventyCharactersAreOneSmsWithoutHeader() {
		String text = "话".repeat(70);
		List<byte[]> parts = SmsText.encode(text, 7);
		assertThat(parts).hasSize(1);
		assertThat(new String(parts.get(0), StandardCharsets.UTF_16BE)).isEqualTo(text);
	}

	@Test
	void seventyOneCharactersAreTwoPartsOf67AndFourBehindAConcatenationHeader() {
		String text = "话".repeat(71);
		List<byte[]> parts = SmsText.encode(text, 0x1ff);
		assertThat(parts).hasSize(2);
		assertThat(parts.get(0)).startsWith(0x05, 0x00, 0x03, 0xff, 2, 1).hasSize(6 + 67 * 2);
		assertThat(parts.get(1)).startsWith(0x05, 0x00, 0x03, 0xff, 2, 2).hasSize(6 + 4 * 2);
	}

	@Test
	void aSurrogatePairIsNeverSplitBetweenParts() {
		String text = "话".repeat(66) + "😀" + "话".repeat(10);
		List<String> parts = SmsText.split(text);
		assertThat(parts.get(0)).hasSize(66);
		assertThat(parts.get(1)).startsWith("😀");
		assertThat(String.join("", parts)).isEqualTo(text);
	}

	@Test
	void aMessageOfMoreThan255PartsIsRefused() {
		assertThatThrownBy(() -> SmsText.encode("话".repeat(67 * 256), 1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void repliesAreReadInUcs2OrTheDefaultAlphabetAndAHeaderIsSkipped() {
		assertThat(SmsText.decode("退订".getBytes(StandardCharsets.UTF_16BE), (byte) 0x08, false)).isEqualTo("退订");
		assertThat(SmsText.decode("TD".getBytes(StandardCharsets.US_ASCII), (byte) 0x00, false)).isEqualTo("TD");
		byte[] withHeader = { 0x05, 0x00, 0x03, 0x01, 0x01, 0x01, 'T', 'D' };
		assertThat(SmsText.decode(withHeader, (byte) 0x00, true)).isEqualTo("TD");
	}

	@Test
	void tdTAndTuidingAreOptOutsOtherRepliesAreNot() {
		assertThat(List.of("TD", "td", " T ", "退订", "TD。", "t!")).allMatch(SmsText::isOptOut);
		assertThat(List.of("TDX", "我已缴费", "退订套餐", "", "好的")).noneMatch(SmsText::isOptOut);
		assertThat(SmsText.isOptOut(null)).isFalse();
	}

	@Test
	void careAndMarketingEndWithTheOptOutHintOnceServiceNoticesDoNot() {
		assertThat(SmsCategory.CARE.textOf("生日快乐")).isEqualTo("生日快乐回复TD退订");
		assertThat(SmsCategory.MARKETING.textOf("优惠回复TD退订")).isEqualTo("优惠回复TD退订");
		assertThat(SmsCategory.SERVICE.textOf("您已欠费")).isEqualTo("您已欠费");
	}

	@Test
	void repliesFromPlus86NumbersFindTheStoredNumber() {
		assertThat(SmsReceipts.normalised("+8613300000001")).isEqualTo("13300000001");
		assertThat(SmsReceipts.normalised("008613300000001")).isEqualTo("13300000001");
		assertThat(SmsReceipts.normalised("13300000001")).isEqualTo("13300000001");
	}
}
