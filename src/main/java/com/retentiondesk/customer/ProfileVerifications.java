package com.retentiondesk.customer;

import java.time.LocalDateTime;

import jakarta.persistence.Embeddable;

/**
 * Who confirmed each of a customer's five basics with the customer on a reached call, and when (用户资料 真实性,
 * issue 28): part of the customer row ({@code name_verified_by}, {@code name_verified_at}, ...). A value's
 * verification is cleared when the value changes ({@link Customer#changeProfile}).
 */
@Embeddable
class ProfileVerifications {

	private String nameVerifiedBy;
	private LocalDateTime nameVerifiedAt;
	private String idTypeVerifiedBy;
	private LocalDateTime idTypeVerifiedAt;
	private String idNoVerifiedBy;
	private LocalDateTime idNoVerifiedAt;
	private String addressVerifiedBy;
	private LocalDateTime addressVerifiedAt;
	private String secondPhoneVerifiedBy;
	private LocalDateTime secondPhoneVerifiedAt;

	/** Who verified the field, or null (the e-mail address is not one of the basics: never verified). */
	String by(ProfileField field) {
		return switch (field) {
			case NAME -> nameVerifiedBy;
			case ID_TYPE -> idTypeVerifiedBy;
			case ID_NO -> idNoVerifiedBy;
			case ADDRESS -> addressVerifiedBy;
			case SECOND_PHONE -> secondPhoneVerifiedBy;
			case EMAIL -> null;
		};
	}

	/** When the field was verified, or null. */
	LocalDateTime at(ProfileField field) {
		return switch (field) {
			case NAME -> nameVerifiedAt;
			case ID_TYPE -> idTypeVerifiedAt;
			case ID_NO -> idNoVerifiedAt;
			case ADDRESS -> addressVerifiedAt;
			case SECOND_PHONE -> secondPhoneVerifiedAt;
			case EMAIL -> null;
		};
	}

	/** Records (or, with nulls, clears) the field's verification. */
	void set(ProfileField field, String by, LocalDateTime at) {
		switch (field) {
			case NAME -> { nameVerifiedBy = by; nameVerifiedAt = at; }
			case ID_TYPE -> { idTypeVerifiedBy = by; idTypeVerifiedAt = at; }
			case ID_NO -> { idNoVerifiedBy = by; idNoVerifiedAt = at; }
			case ADDRESS -> { addressVerifiedBy = by; addressVerifiedAt = at; }
			case SECOND_PHONE -> { secondPhoneVerifiedBy = by; secondPhoneVerifiedAt = at; }
			case EMAIL -> { }
		}
	}
}
