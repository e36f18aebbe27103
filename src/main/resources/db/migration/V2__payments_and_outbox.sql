-- Payments reported by billing. The same payment reported twice (same customer, amount and time)
-- is recognised by the unique key and changes nothing.
CREATE TABLE payment (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_no     VARCHAR(32)   NOT NULL,
    amount          DECIMAL(12,2) NOT NULL,
    paid_at         DATETIME      NOT NULL,
    received_at     DATETIME      NOT NULL,
    CONSTRAINT fk_payment_customer FOREIGN KEY (customer_no) REFERENCES customer (customer_no),
    CONSTRAINT uq_payment UNIQUE (customer_no, paid_at, amount)
);

-- Outbound e-mail and SMS. message_key makes queueing idempotent: a job that runs twice queues once,
-- and a message marked SENT is never sent again.
CREATE TABLE outbox_message (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_key     VARCHAR(190)  NOT NULL,
    channel         VARCHAR(8)    NOT NULL,
    recipient       VARCHAR(128)  NOT NULL,
    subject         VARCHAR(255),
    body            VARCHAR(4000) NOT NULL,
    status          VARCHAR(8)    NOT NULL,
    attempts        INT           NOT NULL,
    last_error      VARCHAR(1000),
    created_at      DATETIME      NOT NULL,
    sent_at         DATETIME,
    version         INT           NOT NULL,
    CONSTRAINT uq_outbox_key UNIQUE (message_key)
);
CREATE INDEX ix_outbox_status ON outbox_message (status, created_at);
