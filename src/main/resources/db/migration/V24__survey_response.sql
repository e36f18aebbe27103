-- The monthly satisfaction survey (满意度回访, issue 29): one row per customer and sampled month, written
-- when 10000's surveyor completes Task_SatisfactionSurvey (survey.RecordSurveyResponse), kept for the
-- managers' appraisal (绩效考核). score is NULL when the customer was not reached.
CREATE TABLE survey_response (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_no     VARCHAR(32)   NOT NULL,
    manager_id      VARCHAR(64)   NOT NULL,
    survey_month    VARCHAR(7)    NOT NULL,
    reached         BOOLEAN       NOT NULL,
    score           INT,
    comment         VARCHAR(1000),
    answered_at     DATETIME      NOT NULL,
    CONSTRAINT fk_survey_customer FOREIGN KEY (customer_no) REFERENCES customer (customer_no),
    -- one answer per customer and month, even if the recording job is retried
    CONSTRAINT uq_survey_response UNIQUE (customer_no, survey_month)
);
CREATE INDEX ix_survey_manager ON survey_response (manager_id, survey_month);
