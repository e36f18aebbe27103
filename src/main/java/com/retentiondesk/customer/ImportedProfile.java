package com.retentiondesk.customer;

/** The profile fields of an import row, and the row with a field replaced (a verified value kept). */
final class ImportedProfile {

	private ImportedProfile() {
	}

	static String valueOf(CustomerData data, ProfileField field) {
		return switch (field) {
			case NAME -> data.name();
			case ID_TYPE -> data.idType();
			case ID_NO -> data.idNo();
			case ADDRESS -> data.address();
			case SECOND_PHONE -> data.secondPhone();
			case EMAIL -> data.email();
		};
	}

	static CustomerData with(CustomerData d, ProfileField field, String value) {
		return new CustomerData(d.customerNo(), field == ProfileField.NAME ? value : d.name(), d.serviceNo(),
				d.network(), d.segment(), d.starLevel(), d.paymentType(), d.balance(), d.arrearsMonths(),
				d.lineStatus(), d.managerId(), d.birthday(), field == ProfileField.ID_TYPE ? value : d.idType(),
				field == ProfileField.ID_NO ? value : d.idNo(), field == ProfileField.ADDRESS ? value : d.address(),
				field == ProfileField.SECOND_PHONE ? value : d.secondPhone(),
				field == ProfileField.EMAIL ? value : d.email(), d.joinedOn());
	}
}
