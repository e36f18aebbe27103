package com.retentiondesk.admin;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.retentiondesk.customer.Customer;
import com.retentiondesk.customer.Customers;
import com.retentiondesk.notification.Channel;
import com.retentiondesk.notification.Outbox;
import com.retentiondesk.notification.OutboxMessage;
import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/**
 * {@code GET /api/admin/sms?customerNo=}: a customer's SMS, newest first, with their delivery status, and the
 * customer's opt-out. Without an SMS centre (no {@code SMPP_HOST}) this is where the demo's SMS can be read.
 * {@code messages} counts messages, not the parts a long one went out in.
 */
@RestController
class SmsController {

	record SmsView(String key, String category, String recipient, String text, String status, String statusLabel,
			Integer parts, String gateway, String smscError, LocalDateTime createdAt, LocalDateTime sentAt,
			LocalDateTime settledAt) {
	}

	record CustomerSms(String customerNo, LocalDateTime smsOptOutAt, String smsOptOutVia, int messages,
			List<SmsView> sms) {
	}

	private final Outbox outbox;
	private final Customers customers;

	SmsController(Outbox outbox, Customers customers) {
		this.outbox = outbox;
		this.customers = customers;
	}

	@GetMapping("/api/admin/sms")
	@AllowedGroups(DeskGroups.ADMINS)
	CustomerSms sms(@RequestParam(name = "customerNo", required = false) String customerNo) {
		if (customerNo == null || customerNo.isBlank()) {
			throw new IllegalArgumentException("customerNo: 缺少客户编号");
		}
		Customer customer = customers.findById(customerNo.strip())
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "客户 " + customerNo.strip() + " 不存在"));
		List<SmsView> sms = outbox.findByCustomerNoAndChannelOrderByIdDesc(customer.getCustomerNo(), Channel.SMS).stream()
				.map(SmsController::view).toList();
		return new CustomerSms(customer.getCustomerNo(), customer.getSmsOptOutAt(), customer.getSmsOptOutVia(),
				sms.size(), sms);
	}

	private static SmsView view(OutboxMessage m) {
		OutboxMessage.Status status = m.getStatus();
		return new SmsView(m.getMessageKey(), m.getCategory().name(), m.getRecipient(), m.getBody(), status.name(),
				status.label(), m.getParts(), m.getGateway(), m.getSmscError(), m.getCreatedAt(), m.getSentAt(),
				m.getSettledAt());
	}
}
