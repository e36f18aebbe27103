-- The phone managers' monthly work plans (工作计划, issue 30): one plan per manager and month, drafted from
-- the data when first fetched, then edited by the manager in Excel and uploaded for the supervisor's review.
CREATE TABLE work_plan (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    manager_id          VARCHAR(64)   NOT NULL,
    plan_month          VARCHAR(7)    NOT NULL,
    state               VARCHAR(16)   NOT NULL,
    drafted_at          DATETIME      NOT NULL,
    submitted_at        DATETIME,
    submitted_by        VARCHAR(64),
    CONSTRAINT uq_work_plan UNIQUE (manager_id, plan_month)
);

-- One planned piece of work on one customer. A drafted item the manager deletes from the workbook stays
-- with removed = 1 (the plan-against-done analysis counts only what stayed); the manager's own rows have
-- source MANAGER.
CREATE TABLE work_plan_item (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    plan_id             BIGINT        NOT NULL,
    customer_no         VARCHAR(32)   NOT NULL,
    item_kind           VARCHAR(16)   NOT NULL,
    detail              VARCHAR(255),
    note                VARCHAR(1000),
    source              VARCHAR(16)   NOT NULL,
    removed             INT           NOT NULL,
    CONSTRAINT fk_plan_item_plan FOREIGN KEY (plan_id) REFERENCES work_plan (id),
    CONSTRAINT uq_plan_item UNIQUE (plan_id, customer_no, item_kind)
);
