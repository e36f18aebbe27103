package com.retentiondesk.kpi;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.internal.SessionFactoryImpl;
import org.hibernate.persister.entity.EntityPersister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.retentiondesk.casework.CaseOutcome;
import com.retentiondesk.casework.RetentionCase;
import com.retentiondesk.contact.ContactAttempt;
import com.retentiondesk.contact.ContactChannel;

import jakarta.persistence.EntityManagerFactory;

/**
 * Feeds the {@link KpiLedger} from the case and contact rows as Hibernate writes them, whichever code
 * writes them: a case opened, paid or closed, a call logged. The change is the difference between the
 * row's old and new state.
 */
@Component
class KpiLedgerEvents implements PostInsertEventListener, PostUpdateEventListener {

	private static final Logger log = LoggerFactory.getLogger(KpiLedgerEvents.class);

	private final transient KpiLedger ledger;

	KpiLedgerEvents(KpiLedger ledger, EntityManagerFactory entityManagerFactory) {
		this.ledger = ledger;
		EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImpl.class).getServiceRegistry()
				.getService(EventListenerRegistry.class);
		registry.appendListeners(EventType.POST_INSERT, this);
		registry.appendListeners(EventType.POST_UPDATE, this);
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		if (event.getEntity() instanceof RetentionCase) {
			State row = new State(event.getPersister(), event.getState());
			KpiLedger.Changes changes = ledger.changes(event.getSession());
			changes.opened(row.caseType(), row.managerId(), row.openedAt(), 1);
			changes.money(row.caseType(), row.managerId(), row.openedAt(), row.money("amountOwed"),
					row.money("amountRecovered"));
			if (row.outcome() != null) {
				changes.closed(row.caseType(), row.managerId(), row.closedAt(), row.outcome(), 1);
			}
			if (row.firstContactAt() != null) {
				changes.firstContact(row.caseType(), row.managerId(), row.openedAt(), row.firstContactAt(), 1);
			}
		} else if (event.getEntity() instanceof ContactAttempt attempt && attempt.getChannel() == ContactChannel.PHONE) {
			ledger.changes(event.getSession()).call(attempt.getManagerId(), attempt.getAttemptedAt(), attempt.getOutcome());
		}
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		if (!(event.getEntity() instanceof RetentionCase)) {
			return;
		}
		if (event.getOldState() == null) {
			log.warn("KPI ledger: case {} was updated without its previous state; run a ledger rebuild",
					event.getId());
			return;
		}
		State before = new State(event.getPersister(), event.getOldState());
		State after = new State(event.getPersister(), event.getState());
		KpiLedger.Changes changes = ledger.changes(event.getSession());
		BigDecimal owed = after.money("amountOwed").subtract(before.money("amountOwed"));
		BigDecimal recovered = after.money("amountRecovered").subtract(before.money("amountRecovered"));
		if (owed.signum() != 0 || recovered.signum() != 0) {
			changes.money(after.caseType(), after.managerId(), after.openedAt(), owed, recovered);
		}
		if (!java.util.Objects.equals(before.firstContactAt(), after.firstContactAt())) {
			if (before.firstContactAt() != null) {
				changes.firstContact(before.caseType(), before.managerId(), before.openedAt(), before.firstContactAt(), -1);
			}
			if (after.firstContactAt() != null) {
				changes.firstContact(after.caseType(), after.managerId(), after.openedAt(), after.firstContactAt(), 1);
			}
		}
		if (before.outcome() != after.outcome()) {
			if (before.outcome() != null) {
				changes.closed(before.caseType(), before.managerId(), before.closedAt(), before.outcome(), -1);
			}
			if (after.outcome() != null) {
				changes.closed(after.caseType(), after.managerId(), after.closedAt(), after.outcome(), 1);
			}
		}
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	/** A case row's state as Hibernate holds it: values by property name. */
	private record State(List<String> names, Object[] values) {

		State(EntityPersister persister, Object[] values) {
			this(Arrays.asList(persister.getPropertyNames()), values);
		}

		Object get(String property) {
			return values[names.indexOf(property)];
		}

		String caseType() {
			return String.valueOf(get("caseType"));
		}

		String managerId() {
			return (String) get("managerId");
		}

		LocalDateTime openedAt() {
			return (LocalDateTime) get("openedAt");
		}

		LocalDateTime closedAt() {
			return (LocalDateTime) get("closedAt");
		}

		LocalDateTime firstContactAt() {
			return (LocalDateTime) get("firstContactAt");
		}

		CaseOutcome outcome() {
			return (CaseOutcome) get("outcome");
		}

		BigDecimal money(String property) {
			Object value = get(property);
			return value == null ? BigDecimal.ZERO : (BigDecimal) value;
		}
	}
}
