-- Calls customers make to 10000 (呼入, issue 29): one row per call the CTI reports through
-- POST /api/inbound/calls, whether the phone manager took the transfer (MANAGER) or the front desk did
-- (FRONT_DESK). A call that needs the manager (a call-back, or the result of a fault report or complaint
-- to tell) belongs to an INBOUND_CALLBACK case (case_id); called_back_at is set when the call-back reaches
-- the customer. What the customer said about handsets, packages and competitors is kept for feedback.
CREATE TABLE inbound_call (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    service_no          VARCHAR(32)   NOT NULL,
    customer_no         VARCHAR(32)   NOT NULL,
    manager_id          VARCHAR(64),
    called_at           DATETIME      NOT NULL,
    taken_by            VARCHAR(16)   NOT NULL,
    topic               VARCHAR(16)   NOT NULL,
    notes               VARCHAR(1000),
    handset_problem     VARCHAR(500),
    package_suggestion  VARCHAR(500),
    competitor_news     VARCHAR(500),
    case_id             BIGINT,
    called_back_at      DATETIME,
    recorded_by         VARCHAR(64)   NOT NULL,
    recorded_at         DATETIME      NOT NULL,
    CONSTRAINT fk_inbound_customer FOREIGN KEY (customer_no) REFERENCES customer (customer_no),
    -- the CTI may send a call twice (a retry after a timeout): one number at one moment is one call
    CONSTRAINT uq_inbound_call UNIQUE (service_no, called_at)
);
CREATE INDEX ix_inbound_manager ON inbound_call (manager_id, called_at);
CREATE INDEX ix_inbound_case ON inbound_call (case_id);
