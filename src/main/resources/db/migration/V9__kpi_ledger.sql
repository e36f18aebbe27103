-- The KPI ledger: day totals per case type and phone manager, kept up to date in the transactions that
-- open, close and pay cases and log calls (kpi.KpiLedger), so GET /api/kpi sums a few thousand day rows
-- instead of grouping every case and call of the period. V10 fills it from the existing rows.

-- on_day = the day the case was opened for opened/owed/recovered, the day it was closed for closed_*
CREATE TABLE kpi_case_day (
    on_day              DATE          NOT NULL,
    case_type           VARCHAR(24)   NOT NULL,
    manager_id          VARCHAR(64)   NOT NULL,
    opened              INT           NOT NULL DEFAULT 0,
    owed                DECIMAL(14,2) NOT NULL DEFAULT 0,
    recovered           DECIMAL(14,2) NOT NULL DEFAULT 0,
    closed_paid         INT           NOT NULL DEFAULT 0,
    closed_unpaid       INT           NOT NULL DEFAULT 0,
    closed_suspended    INT           NOT NULL DEFAULT 0,
    closed_retained     INT           NOT NULL DEFAULT 0,
    closed_won_back     INT           NOT NULL DEFAULT 0,
    closed_upgraded     INT           NOT NULL DEFAULT 0,
    closed_declined     INT           NOT NULL DEFAULT 0,
    closed_unreachable  INT           NOT NULL DEFAULT 0,
    closed_lost         INT           NOT NULL DEFAULT 0,
    closed_expired      INT           NOT NULL DEFAULT 0,
    closed_cancelled    INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (on_day, case_type, manager_id)
);

-- phone calls by the day they were made
CREATE TABLE kpi_call_day (
    on_day      DATE        NOT NULL,
    manager_id  VARCHAR(64) NOT NULL,
    calls       INT         NOT NULL DEFAULT 0,
    reached     INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (on_day, manager_id)
);

-- call tasks completed by the day they were completed (db/engine V2 fills it from the task history)
CREATE TABLE kpi_task_day (
    on_day      DATE        NOT NULL,
    manager_id  VARCHAR(64) NOT NULL,
    on_time     INT         NOT NULL DEFAULT 0,
    late        INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (on_day, manager_id)
);
