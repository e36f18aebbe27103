-- Arrears KPIs: what the customer owed when the case opened and what was paid while it was open.
ALTER TABLE retention_case ADD amount_owed DECIMAL(12,2);
ALTER TABLE retention_case ADD amount_recovered DECIMAL(12,2);

-- KPI queries: cases closed in a period, contacts per case, overdue tasks.
CREATE INDEX ix_case_closed ON retention_case (case_type, closed_at);
CREATE INDEX ix_case_manager ON retention_case (manager_id, opened_at);
CREATE INDEX ix_contact_case ON contact_attempt (case_id, attempted_at);
