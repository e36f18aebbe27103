package com.retentiondesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The master data of a customer as a BSS export delivers it (one import row, validated). */
public record CustomerData(
		String customerNo,
		String name,
		String serviceNo,
		Network network,
		Segment segment,
		int starLevel,
		PaymentType paymentType,
		BigDecimal balance,
		int arrearsMonths,
		LineStatus lineStatus,
		String managerId,
		LocalDate birthday,
		String idType,
		String idNo,
		String address,
		String secondPhone,
		String email,
		LocalDate joinedOn) {
}
