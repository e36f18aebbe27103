package com.retentiondesk;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.LineStatus;
import com.retentiondesk.customer.Network;
import com.retentiondesk.customer.PaymentType;
import com.retentiondesk.customer.Segment;

/** Test data. Demo users (manager1-8, supervisor1-2, billing, admin) exist in every test context. */
public final class Fixtures {

	public static final String PASSWORD = "Retention#2026";

	private Fixtures() {
	}

	public static CustomerData prepaid(String customerNo, String balance, String managerId) {
		return new CustomerData(customerNo, "测试客户" + customerNo, "133" + digits(customerNo), Network.PHS,
				Segment.MID_HIGH_END, 4, PaymentType.PREPAID, new BigDecimal(balance), 0, LineStatus.ACTIVE, managerId,
				null, null, null, null, "13900000000", null, null);
	}

	public static CustomerData postpaid(String customerNo, int arrearsMonths, String managerId) {
		return new CustomerData(customerNo, "测试客户" + customerNo, "133" + digits(customerNo), Network.PHS,
				Segment.MID_HIGH_END, 4, PaymentType.POSTPAID, new BigDecimal("-120.00"), arrearsMonths,
				LineStatus.ACTIVE, managerId, null, null, null, null, null, null, null);
	}

	/** A CDMA tier-1 prepaid customer with an e-mail address: gets the automatic reminder. */
	public static CustomerData cdmaTier1(String customerNo, String balance, String managerId, String email) {
		return new CustomerData(customerNo, "测试客户" + customerNo, "133" + digits(customerNo), Network.CDMA,
				Segment.CDMA_TIER1, 5, PaymentType.PREPAID, new BigDecimal(balance), 0, LineStatus.ACTIVE, managerId,
				null, null, null, null, null, email, null);
	}

	public static CustomerData withLineStatus(CustomerData data, LineStatus status) {
		return new CustomerData(data.customerNo(), data.name(), data.serviceNo(), data.network(), data.segment(),
				data.starLevel(), data.paymentType(), data.balance(), data.arrearsMonths(), status, data.managerId(),
				data.birthday(), data.idType(), data.idNo(), data.address(), data.secondPhone(), data.email(),
				data.joinedOn());
	}

	public static Customer customer(CustomerData data) {
		return Customer.create(data, LocalDateTime.now());
	}

	private static String digits(String customerNo) {
		String digits = customerNo.replaceAll("\\D", "");
		return String.format("%08d", Long.parseLong(digits.isEmpty() ? "0" : digits.substring(Math.max(0, digits.length() - 8))));
	}
}
