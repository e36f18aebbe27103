-- Retention Desk domain tables (the engine creates its own ACT_* tables).
-- Written once for H2 and MySQL/MariaDB: keep to the syntax both accept.

CREATE TABLE customer (
    customer_no     VARCHAR(32)   NOT NULL PRIMARY KEY,
    name            VARCHAR(100)  NOT NULL,
    service_no      VARCHAR(32)   NOT NULL,
    network         VARCHAR(8)    NOT NULL,
    segment         VARCHAR(24),
    star_level      INT           NOT NULL,
    payment_type    VARCHAR(16)   NOT NULL,
    balance         DECIMAL(12,2) NOT NULL,
    arrears_months  INT           NOT NULL,
    line_status     VARCHAR(16)   NOT NULL,
    birthday        DATE,
    id_type         VARCHAR(32),
    id_no           VARCHAR(32),
    address         VARCHAR(255),
    second_phone    VARCHAR(32),
    email           VARCHAR(128),
    manager_id      VARCHAR(64)   NOT NULL,
    created_at      DATETIME      NOT NULL,
    updated_at      DATETIME      NOT NULL,
    version         INT           NOT NULL
);
CREATE INDEX ix_customer_manager ON customer (manager_id);
CREATE INDEX ix_customer_arrears ON customer (payment_type, line_status, balance);

CREATE TABLE agreement (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_no     VARCHAR(32)   NOT NULL,
    agreement_type  VARCHAR(24)   NOT NULL,
    end_date        DATE          NOT NULL,
    created_at      DATETIME      NOT NULL,
    CONSTRAINT fk_agreement_customer FOREIGN KEY (customer_no) REFERENCES customer (customer_no),
    CONSTRAINT uq_agreement UNIQUE (customer_no, agreement_type, end_date)
);
CREATE INDEX ix_agreement_end ON agreement (end_date);

CREATE TABLE monthly_bill (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_no     VARCHAR(32)   NOT NULL,
    bill_month      VARCHAR(7)       NOT NULL,
    amount          DECIMAL(12,2) NOT NULL,
    call_count      INT           NOT NULL,
    CONSTRAINT fk_bill_customer FOREIGN KEY (customer_no) REFERENCES customer (customer_no),
    CONSTRAINT uq_bill UNIQUE (customer_no, bill_month)
);

-- One row per retention case. open_flag is 1 while the case is open and NULL once it is closed:
-- unique indexes treat NULLs as distinct on both databases, so the constraint below allows any
-- number of closed cases but at most one open case per customer and case type.
CREATE TABLE retention_case (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_type           VARCHAR(24)   NOT NULL,
    customer_no         VARCHAR(32)   NOT NULL,
    manager_id          VARCHAR(64)   NOT NULL,
    opened_at           DATETIME      NOT NULL,
    closed_at           DATETIME,
    outcome             VARCHAR(24),
    open_flag           INT,
    process_instance_id VARCHAR(64),
    escalations         INT           NOT NULL,
    version             INT           NOT NULL,
    CONSTRAINT fk_case_customer FOREIGN KEY (customer_no) REFERENCES customer (customer_no),
    CONSTRAINT uq_case_open UNIQUE (customer_no, case_type, open_flag)
);
CREATE INDEX ix_case_type_opened ON retention_case (case_type, opened_at);
CREATE INDEX ix_case_process ON retention_case (process_instance_id);

-- Every contact with a customer (销售记录制度): who, when, how, what came of it.
CREATE TABLE contact_attempt (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_no     VARCHAR(32)   NOT NULL,
    case_id         BIGINT,
    task_id         VARCHAR(64),
    manager_id      VARCHAR(64)   NOT NULL,
    attempted_at    DATETIME      NOT NULL,
    channel         VARCHAR(16)   NOT NULL,
    outcome         VARCHAR(32)   NOT NULL,
    notes           VARCHAR(1000),
    CONSTRAINT fk_contact_customer FOREIGN KEY (customer_no) REFERENCES customer (customer_no),
    CONSTRAINT fk_contact_case FOREIGN KEY (case_id) REFERENCES retention_case (id),
    -- completing a task records exactly one attempt, even if the completion is retried
    CONSTRAINT uq_contact_task UNIQUE (task_id)
);
CREATE INDEX ix_contact_customer ON contact_attempt (customer_no, attempted_at);
CREATE INDEX ix_contact_manager ON contact_attempt (manager_id, attempted_at);
