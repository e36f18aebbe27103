-- The KPI queries read these indexes alone: no row lookups over a month of cases.
CREATE INDEX ix_case_kpi_opened ON retention_case (opened_at, case_type, manager_id, first_contact_at);
CREATE INDEX ix_case_kpi_closed ON retention_case (closed_at, case_type, outcome, manager_id);
CREATE INDEX ix_case_kpi_open ON retention_case (open_flag, case_type, manager_id);
