package com.retentiondesk.customer;

import java.time.LocalDate;

import com.retentiondesk.contract.AgreementType;

/** One valid row of a customer import: the customer and, if the row names one, an agreement. */
record ImportedRow(int line, CustomerData customer, AgreementType agreementType, LocalDate agreementEnd) {

	boolean hasAgreement() {
		return agreementType != null;
	}
}
