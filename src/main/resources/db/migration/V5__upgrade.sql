-- The dispatch campaign (派单活动) a case was opened for: a list sent twice opens nothing new.
ALTER TABLE retention_case ADD campaign VARCHAR(100);
CREATE INDEX ix_case_campaign ON retention_case (customer_no, case_type, campaign);

-- Upgrade orders placed when a PHS customer accepts the move to CDMA.
CREATE TABLE upgrade_order (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id         BIGINT        NOT NULL,
    customer_no     VARCHAR(32)   NOT NULL,
    handset_model   VARCHAR(100)  NOT NULL,
    appointment_on  DATE,
    store_visit     BOOLEAN       NOT NULL,
    ordered_by      VARCHAR(64)   NOT NULL,
    ordered_at      DATETIME      NOT NULL,
    new_service_no  VARCHAR(32),
    activated_at    DATETIME,
    CONSTRAINT fk_order_case FOREIGN KEY (case_id) REFERENCES retention_case (id),
    CONSTRAINT uq_order_case UNIQUE (case_id)
);
CREATE INDEX ix_order_customer ON upgrade_order (customer_no);
