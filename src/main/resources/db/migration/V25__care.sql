-- Customer care (客情关怀, issue 27): message templates with their approval, the holiday greeting list, and the
-- batches of greeting SMS with their recipients.

-- A care SMS text (周末、节日、天气、生日). PROPOSED by a manager, 10000 (integration), a supervisor or an
-- administrator; APPROVED or REJECTED by the proposer's supervisor (Task_ApproveMessage). The approval is the
-- advance application for a bulk SMS to 小灵通 customers: who decided and when is kept. Only APPROVED texts
-- valid on the day are sent.
CREATE TABLE care_template (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind            VARCHAR(16)   NOT NULL,
    body            VARCHAR(500)  NOT NULL,
    valid_from      DATE          NOT NULL,
    valid_to        DATE          NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    proposed_by     VARCHAR(64)   NOT NULL,
    proposed_at     DATETIME      NOT NULL,
    decided_by      VARCHAR(64),
    decided_at      DATETIME,
    decision_note   VARCHAR(500),
    process_instance_id VARCHAR(64),
    version         INT           NOT NULL
);
CREATE INDEX ix_care_template_kind ON care_template (kind, state, valid_from);

-- The holidays greeted each year (节日问候名单), edited by administrators (PUT /api/admin/care/holidays/{year}).
-- Seeded for 2026 and 2027; the lunar holidays on their Gregorian dates (春节 = 正月初一, 元宵 = 正月十五,
-- 端午 = 五月初五, 中秋 = 八月十五), 清明 on the solar term.
CREATE TABLE holiday_greeting (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    greeting_year   INT           NOT NULL,
    name            VARCHAR(50)   NOT NULL,
    holiday_date    DATE          NOT NULL,
    CONSTRAINT uq_holiday_greeting UNIQUE (greeting_year, holiday_date)
);
INSERT INTO holiday_greeting (greeting_year, name, holiday_date) VALUES
    (2026, '元旦', '2026-01-01'),
    (2026, '春节', '2026-02-17'),
    (2026, '元宵节', '2026-03-03'),
    (2026, '清明节', '2026-04-05'),
    (2026, '端午节', '2026-06-19'),
    (2026, '中秋节', '2026-09-25'),
    (2026, '国庆节', '2026-10-01'),
    (2027, '元旦', '2027-01-01'),
    (2027, '春节', '2027-02-06'),
    (2027, '元宵节', '2027-02-20'),
    (2027, '清明节', '2027-04-05'),
    (2027, '端午节', '2027-06-09'),
    (2027, '中秋节', '2027-09-15'),
    (2027, '国庆节', '2027-10-01');

-- One bulk send (批次): the weekend greeting of a Friday, the greeting of a holiday, a weather alert. batch_key
-- is unique (WEEKEND-2026-12-04, HOLIDAY-2027-01-01, WEATHER-<process instance>), so a scan that runs twice or
-- on two nodes prepares it once.
CREATE TABLE care_batch (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    batch_key       VARCHAR(100)  NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    template_id     BIGINT        NOT NULL,
    title           VARCHAR(100)  NOT NULL,
    created_at      DATETIME      NOT NULL,
    sent_at         DATETIME,
    CONSTRAINT uq_care_batch UNIQUE (batch_key),
    CONSTRAINT fk_care_batch_template FOREIGN KEY (template_id) REFERENCES care_template (id)
);

-- A customer of a batch: SELECTED when the batch is prepared; TRIMMED (the manager took them out) or SKIPPED
-- (the manager skipped their whole batch, e.g. the company already sent one) before the send; DONE once the
-- send handed their message to the outbox (whose key care:<batch_key>:<customer_no> makes the SMS once).
CREATE TABLE care_recipient (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    batch_id        BIGINT        NOT NULL,
    customer_no     VARCHAR(32)   NOT NULL,
    manager_id      VARCHAR(64)   NOT NULL,
    team            VARCHAR(64)   NOT NULL,
    phone           VARCHAR(32)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    CONSTRAINT uq_care_recipient UNIQUE (batch_id, customer_no),
    CONSTRAINT fk_care_recipient_batch FOREIGN KEY (batch_id) REFERENCES care_batch (id)
);
CREATE INDEX ix_care_recipient_send ON care_recipient (batch_id, state, team, id);
CREATE INDEX ix_care_recipient_manager ON care_recipient (batch_id, manager_id);
