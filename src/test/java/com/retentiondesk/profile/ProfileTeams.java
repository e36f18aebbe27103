package com.retentiondesk.profile;

import java.math.BigDecimal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

import com.retentiondesk.Fixtures;
import com.retentiondesk.customer.CustomerData;
import com.retentiondesk.customer.LineStatus;
import com.retentiondesk.customer.Network;
import com.retentiondesk.customer.PaymentType;
import com.retentiondesk.customer.Segment;
import com.retentiondesk.web.DeskGroups;

/** Teams of the profile tests' own (so that no other test's customers are scanned) and their 普1 customers. */
final class ProfileTeams {

	private ProfileTeams() {
	}

	/** A team {@code id} with the phone managers {@code id}m1, {@code id}m2 and the supervisor {@code id}sup. */
	static void team(IdentityService identity, String id) {
		if (identity.createGroupQuery().groupId(id).count() > 0) {
			return;
		}
		Group team = identity.newGroup(id);
		team.setName("资料测试组 " + id);
		team.setType(DeskGroups.TEAM_TYPE);
		identity.saveGroup(team);
		user(identity, id + "m1", "资料", "甲", id, DeskGroups.PHONE_MANAGERS);
		user(identity, id + "m2", "资料", "乙", id, DeskGroups.PHONE_MANAGERS);
		user(identity, id + "sup", "资料", "主管", id, DeskGroups.SUPERVISORS);
	}

	private static void user(IdentityService identity, String userId, String lastName, String firstName, String team,
			String role) {
		User user = identity.newUser(userId);
		user.setLastName(lastName);
		user.setFirstName(firstName);
		user.setEmail(userId + "@retention-desk.example.cn");
		user.setPassword(Fixtures.PASSWORD);
		identity.saveUser(user);
		identity.createMembership(userId, role);
		identity.createMembership(userId, team);
	}

	/** A CDMA 普1 customer with these basics (null: missing). */
	static CustomerData tier1(String customerNo, String managerId, String idType, String idNo, String address,
			String secondPhone) {
		return new CustomerData(customerNo, "客户" + customerNo, "1330" + customerNo.replaceAll("\\D", ""),
				Network.CDMA, Segment.CDMA_TIER1, 4, PaymentType.PREPAID, new BigDecimal("80.00"), 0, LineStatus.ACTIVE,
				managerId, null, idType, idNo, address, secondPhone, null, null);
	}

	/** A customer of another segment with the same gaps. */
	static CustomerData midHighEnd(String customerNo, String managerId) {
		return new CustomerData(customerNo, "客户" + customerNo, "1330" + customerNo.replaceAll("\\D", ""), Network.PHS,
				Segment.MID_HIGH_END, 4, PaymentType.PREPAID, new BigDecimal("80.00"), 0, LineStatus.ACTIVE, managerId,
				null, null, null, null, null, null, null);
	}
}
