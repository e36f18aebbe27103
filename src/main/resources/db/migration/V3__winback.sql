-- Why a case ended as it did (churn reason, decline reason), for the KPIs and for marketing.
ALTER TABLE retention_case ADD outcome_reason VARCHAR(255);

-- Line events from billing (suspensions, reactivations), recorded once each.
CREATE TABLE line_event (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_no     VARCHAR(32)   NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    occurred_at     DATETIME      NOT NULL,
    received_at     DATETIME      NOT NULL,
    CONSTRAINT fk_line_event_customer FOREIGN KEY (customer_no) REFERENCES customer (customer_no),
    CONSTRAINT uq_line_event UNIQUE (customer_no, kind, occurred_at)
);

-- Competitors' offers heard on calls (竞争对手信息), passed on to marketing.
CREATE TABLE competitor_report (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_no     VARCHAR(32)   NOT NULL,
    case_id         BIGINT,
    task_id         VARCHAR(64),
    competitor      VARCHAR(200)  NOT NULL,
    reported_by     VARCHAR(64)   NOT NULL,
    reported_at     DATETIME      NOT NULL,
    CONSTRAINT fk_competitor_customer FOREIGN KEY (customer_no) REFERENCES customer (customer_no),
    CONSTRAINT uq_competitor_task UNIQUE (task_id)
);
CREATE INDEX ix_competitor_reported ON competitor_report (reported_at);
