-- When the manager first called the customer of a case (time to first contact, a supervisor KPI);
-- kept on the case so the KPI needs no join over the whole contact log.
ALTER TABLE retention_case ADD first_contact_at DATETIME;
CREATE INDEX ix_case_opened ON retention_case (opened_at);
-- calls per manager and period, answered from the index alone
CREATE INDEX ix_contact_kpi ON contact_attempt (manager_id, attempted_at, channel, outcome);
