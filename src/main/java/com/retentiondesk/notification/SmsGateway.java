package com.retentiondesk.notification;

import java.util.List;

/**
 * Sends an SMS: {@link SmppSmsGateway} to the operator's SMS centre when {@code SMPP_HOST} is set, else
 * {@link LocalSmsGateway}, which keeps the messages in the outbox only (the demo).
 */
public interface SmsGateway {

	/**
	 * Submits one message (in as many parts as its length needs) and returns once the SMS centre accepted
	 * every part.
	 *
	 * @throws OutcomeUnknownException when a part may have gone out but its answer never came (the link
	 *         dropped): the message must not be sent again
	 * @throws RefusedException when the SMS centre refused the message for good (e.g. an invalid number): it
	 *         is FAILED and not sent again
	 * @throws RuntimeException when the gateway did not accept the message (the job then retries)
	 */
	Submitted submit(String phoneNumber, String text);

	/**
	 * What the gateway took: the SMS centre's message id of each part, in order, its name (outbox column
	 * {@code gateway}) and whether delivery receipts will follow.
	 */
	record Submitted(List<String> partIds, String gateway, boolean receiptsFollow) {
	}

	/** The message may or may not have gone out; sending it again could make the customer get it twice. */
	class OutcomeUnknownException extends RuntimeException {
		public OutcomeUnknownException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	/** The SMS centre refused the message for a reason a retry does not change; {@code code} is its status. */
	class RefusedException extends RuntimeException {
		private final String code;

		public RefusedException(String code, String message, Throwable cause) {
			super(message, cause);
			this.code = code;
		}

		public String code() {
			return code;
		}
	}
}
