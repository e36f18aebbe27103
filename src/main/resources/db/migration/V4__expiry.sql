-- Tenure for the retention offer rules: the date the customer joined (入网日期), if BSS exports it.
ALTER TABLE customer ADD joined_on DATE;

-- The agreement an expiry case is about: one case per agreement, whatever its outcome.
ALTER TABLE retention_case ADD agreement_id BIGINT;
CREATE INDEX ix_case_agreement ON retention_case (agreement_id);
