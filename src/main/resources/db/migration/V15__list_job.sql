-- Long lists (dispatches, customer imports over desk.lists.background-above rows, issue 23) run in the
-- background; their state lives here so that any node answers GET /api/dispatches/{id} and
-- /api/customers/imports/{id}. A node that runs a job touches heartbeat_at every half minute; a RUNNING
-- job whose heartbeat is older than desk.lists.stale-after (its node crashed or was stopped) is marked
-- FAILED by whichever node looks next (imports.ListJobs).
CREATE TABLE list_job (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    kind          VARCHAR(24)   NOT NULL,
    file_name     VARCHAR(255),
    state         VARCHAR(8)    NOT NULL,
    -- the data rows of the file, counted before the job starts (for a progress bar)
    rows_total    INT           NOT NULL,
    rows_read     INT           NOT NULL,
    opened        INT           NOT NULL,
    skipped       INT           NOT NULL,
    rejected      INT           NOT NULL,
    -- the ListReport as JSON once DONE (bounded: at most 1,000 rows listed)
    report        MEDIUMTEXT,
    message       VARCHAR(1000),
    node          VARCHAR(255),
    created_by    VARCHAR(64),
    created_at    DATETIME      NOT NULL,
    heartbeat_at  DATETIME      NOT NULL,
    finished_at   DATETIME
);
CREATE INDEX ix_list_job_state ON list_job (state, heartbeat_at);
