-- Birthday greetings (客户生日祝福, issue 27): one row per customer and birthday, written with the
-- BirthdayGreetingProcess case that the daily BirthdayScanProcess opens for it (birthday.BirthdayScan), so
-- a second scan, on the same day or the next, never greets the same birthday twice; the manager's record
-- of the greeting (channel, reached, note) is written when Task_BirthdayGreeting is completed.
-- /api/kpi counts managers[].birthdayGreetingRate from it: rows greeted / rows due in the period (due_on).
CREATE TABLE birthday_greeting (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_no     VARCHAR(32)   NOT NULL,
    -- the day of this year's birthday (28 February for a 29 February birthday in a common year)
    birthday_on     DATE          NOT NULL,
    case_id         BIGINT        NOT NULL,
    manager_id      VARCHAR(64)   NOT NULL,
    -- the working day of the greeting call (the scan's day)
    due_on          DATE          NOT NULL,
    channel         VARCHAR(8),
    reached         BOOLEAN,
    note            VARCHAR(500),
    greeted_by      VARCHAR(64),
    greeted_at      DATETIME,
    CONSTRAINT fk_birthday_customer FOREIGN KEY (customer_no) REFERENCES customer (customer_no),
    CONSTRAINT fk_birthday_case FOREIGN KEY (case_id) REFERENCES retention_case (id),
    CONSTRAINT uq_birthday_greeting UNIQUE (customer_no, birthday_on)
);
CREATE INDEX ix_birthday_due ON birthday_greeting (due_on, manager_id);
