package com.retentiondesk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** The profile rules of a customer (issue 28): a changed value loses its verification, whoever changes it. */
class CustomerProfileRulesTest {

	private static final LocalDateTime T = LocalDateTime.parse("2026-12-03T10:00");

	@Test
	void shouldDropTheVerificationOfAValueThatChanges() {
		Customer customer = Customer.create(data("地址一", "13900000001"), T);
		customer.verify(ProfileField.ADDRESS, "manager1", T);
		customer.verify(ProfileField.SECOND_PHONE, "manager1", T);

		assertThat(customer.changeProfile(ProfileField.ADDRESS, " 地址一 ", T.plusDays(1))).as("the same value").isFalse();
		assertThat(customer.isVerified(ProfileField.ADDRESS)).isTrue();
		assertThat(customer.changeProfile(ProfileField.ADDRESS, "地址二", T.plusDays(1))).isTrue();
		assertThat(customer.isVerified(ProfileField.ADDRESS)).isFalse();
		assertThat(customer.verifiedBy(ProfileField.ADDRESS)).isNull();

		customer.changeSecondPhone("13900000009", T.plusDays(2));
		assertThat(customer.isVerified(ProfileField.SECOND_PHONE)).as("a number a supervisor learned").isFalse();
	}

	@Test
	void shouldDropTheVerificationWhenAnImportChangesTheValue() {
		Customer customer = Customer.create(data("地址一", "13900000001"), T);
		customer.verify(ProfileField.ADDRESS, "manager1", T);
		customer.verify(ProfileField.NAME, "manager1", T);

		customer.update(data("地址二", "13900000001"), T.plusDays(1));

		assertThat(customer.isVerified(ProfileField.ADDRESS)).isFalse();
		assertThat(customer.isVerified(ProfileField.NAME)).as("unchanged").isTrue();
	}

	@Test
	void shouldKeepTheFlagsTheFiguresCountInStep() {
		Customer customer = Customer.create(data(null, "13900000001"), T);
		assertThat(customer.isProfileComplete()).isFalse();

		customer.changeProfile(ProfileField.ADDRESS, "地址一", T);
		assertThat(customer.isProfileComplete()).isTrue();
		assertThat(customer.isProfileVerified()).isFalse();

		ProfileField.BASICS.forEach(field -> customer.verify(field, "manager1", T));
		assertThat(customer.isProfileVerified()).isTrue();

		customer.changeProfile(ProfileField.ID_NO, null, T);
		assertThat(customer.isProfileComplete()).isFalse();
		assertThat(customer.isProfileVerified()).isFalse();
	}

	@Test
	void shouldRefuseToVerifyAMissingValueOrEmailAndToEmptyTheName() {
		Customer customer = Customer.create(data(null, null), T);

		assertThatThrownBy(() -> customer.verify(ProfileField.ADDRESS, "manager1", T)).hasMessageContaining("“详细地址”未填写");
		assertThatThrownBy(() -> customer.verify(ProfileField.EMAIL, "manager1", T)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> customer.changeProfile(ProfileField.NAME, " ", T)).hasMessageContaining("姓名不能为空");
		assertThat(ProfileField.BASICS).extracting(ProfileField::label).containsExactly("姓名", "证件类型", "证件号码",
				"详细地址", "第二联系电话");
	}

	private static CustomerData data(String address, String secondPhone) {
		return new CustomerData("CPR1", "王小明", "13300000001", Network.CDMA, Segment.CDMA_TIER1, 5, PaymentType.PREPAID,
				new BigDecimal("10.00"), 0, LineStatus.ACTIVE, "manager1", null, "身份证", "440101198001010011", address,
				secondPhone, null, null);
	}
}
