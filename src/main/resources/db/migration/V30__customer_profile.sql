-- Customer profiles the managers keep (用户资料收集, issue 28).
-- Who confirmed each of the five basics with the customer on a reached call, and when. Kept on the customer
-- row so that the completeness and verified rate of thousands of 普1 customers per team are one indexed
-- aggregate (kpi, ProfileFigures); a change of the value clears its verification (customer.Customer).
ALTER TABLE customer ADD COLUMN name_verified_by VARCHAR(64);
ALTER TABLE customer ADD COLUMN name_verified_at DATETIME;
ALTER TABLE customer ADD COLUMN id_type_verified_by VARCHAR(64);
ALTER TABLE customer ADD COLUMN id_type_verified_at DATETIME;
ALTER TABLE customer ADD COLUMN id_no_verified_by VARCHAR(64);
ALTER TABLE customer ADD COLUMN id_no_verified_at DATETIME;
ALTER TABLE customer ADD COLUMN address_verified_by VARCHAR(64);
ALTER TABLE customer ADD COLUMN address_verified_at DATETIME;
ALTER TABLE customer ADD COLUMN second_phone_verified_by VARCHAR(64);
ALTER TABLE customer ADD COLUMN second_phone_verified_at DATETIME;
-- 1 when all five basics are there / all five verified, kept by customer.Customer with every change: the
-- figures and the weekly scan read them from one covering index per segment and manager, never the rows
-- (measured on MariaDB with 1,000,000 customers: docs/cases.md#customer-profiles-用户资料收集-issue-28)
ALTER TABLE customer ADD COLUMN profile_complete INT DEFAULT 0 NOT NULL;
ALTER TABLE customer ADD COLUMN profile_verified INT DEFAULT 0 NOT NULL;
UPDATE customer SET profile_complete = 1
 WHERE name IS NOT NULL AND id_type IS NOT NULL AND id_no IS NOT NULL AND address IS NOT NULL AND second_phone IS NOT NULL;
CREATE INDEX ix_customer_profile ON customer (segment, manager_id, profile_complete, profile_verified);

-- Every change of a profile field: who, when, old and new value, from which call (task) or import.
CREATE TABLE profile_change (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_no     VARCHAR(32)   NOT NULL,
    field           VARCHAR(24)   NOT NULL,
    old_value       VARCHAR(255),
    new_value       VARCHAR(255),
    changed_by      VARCHAR(64)   NOT NULL,
    changed_at      DATETIME      NOT NULL,
    task_id         VARCHAR(64),
    CONSTRAINT fk_profile_change_customer FOREIGN KEY (customer_no) REFERENCES customer (customer_no)
);
CREATE INDEX ix_profile_change_customer ON profile_change (customer_no, changed_at);
