package com.retentiondesk.customer;

import java.util.Set;

/** Who may own customers: the user ids of all phone managers (kept in the identity store). */
public interface PhoneManagers {

	Set<String> phoneManagerIds();
}
