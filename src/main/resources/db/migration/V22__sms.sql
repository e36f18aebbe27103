-- SMS over SMPP (issue 26). An outbox SMS knows its customer and case (the contact log of its delivery
-- receipt, the admin's list GET /api/admin/sms), its category (SERVICE messages go to every customer,
-- CARE and MARKETING ones skip customers who replied TD), how many parts it went out in, which gateway
-- took it, and the SMS centre's error code and time of its final outcome.
ALTER TABLE outbox_message ADD category VARCHAR(16);
ALTER TABLE outbox_message ADD customer_no VARCHAR(32);
ALTER TABLE outbox_message ADD case_id BIGINT;
ALTER TABLE outbox_message ADD parts INT;
ALTER TABLE outbox_message ADD gateway VARCHAR(16);
ALTER TABLE outbox_message ADD smsc_error VARCHAR(16);
ALTER TABLE outbox_message ADD settled_at DATETIME;
CREATE INDEX ix_outbox_customer ON outbox_message (customer_no, created_at);

-- One submitted part of an SMS: the SMS centre's message id of each part, so that a delivery receipt
-- (which names the part's id) finds its message. The message is DELIVERED when every part is.
CREATE TABLE sms_part (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    outbox_id       BIGINT        NOT NULL,
    part_no         INT           NOT NULL,
    smsc_message_id VARCHAR(65)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    smsc_error      VARCHAR(16),
    CONSTRAINT fk_sms_part_outbox FOREIGN KEY (outbox_id) REFERENCES outbox_message (id),
    CONSTRAINT uq_sms_part UNIQUE (outbox_id, part_no)
);
CREATE INDEX ix_sms_part_smsc_id ON sms_part (smsc_message_id);

-- A customer's SMS opt-out (退订): when, and how (e.g. 短信回复“TD”). Care and marketing SMS skip them.
ALTER TABLE customer ADD sms_opt_out_at DATETIME;
ALTER TABLE customer ADD sms_opt_out_via VARCHAR(64);
CREATE INDEX ix_customer_service_no ON customer (service_no);
