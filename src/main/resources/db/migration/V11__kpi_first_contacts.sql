-- The KPI ledger's first contacts: how many cases opened on a day (per case type and manager) had their
-- first call within each quarter hour after opening (quarter = whole seconds / 900). GET /api/kpi finds
-- the median time to first contact from these counts, to the quarter hour. V12 fills it.
CREATE TABLE kpi_contact_day (
    on_day      DATE        NOT NULL,
    case_type   VARCHAR(24) NOT NULL,
    manager_id  VARCHAR(64) NOT NULL,
    quarter     INT         NOT NULL,
    cases       INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (on_day, case_type, manager_id, quarter)
);
