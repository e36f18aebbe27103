package com.retentiondesk.inbound;

import java.util.Comparator;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;

/** Whose customer is calling: the number the CTI reports, matched against the customers' service numbers. */
@Component
class Callers {

	private final Customers customers;

	Callers(Customers customers) {
		this.customers = customers;
	}

	/**
	 * @throws IllegalArgumentException when the number is blank (400)
	 * @throws ResponseStatusException  404 when no customer has the number: the front desk takes the call
	 */
	Customer customerOf(String number) {
		String serviceNo = number == null ? "" : number.strip();
		if (serviceNo.isEmpty()) {
			throw new IllegalArgumentException("number: 缺少来电号码");
		}
		// a number is one customer's; should two rows share one, the lowest customer number answers
		return customers.findByServiceNo(serviceNo).stream()
				.min(Comparator.comparing(Customer::getCustomerNo))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
						"号码 " + serviceNo + " 不是电话经理的客户: 请转10000前台"));
	}
}
