-- A phone manager's away days (issue 29): from and to are whole days in the desk's zone, inclusive.
-- One row per manager (a new PUT replaces it, DELETE /api/managers/{id}/away removes it). While a manager
-- is away, their customers' new call tasks go to the team (candidate group, no assignee).
CREATE TABLE manager_away (
    manager_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    from_day   DATE         NOT NULL,
    to_day     DATE         NOT NULL,
    reason     VARCHAR(200),
    set_by     VARCHAR(64)  NOT NULL,
    set_at     DATETIME     NOT NULL
);
