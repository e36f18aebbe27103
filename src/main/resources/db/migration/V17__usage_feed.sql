-- Issue 25: the monthly usage feed (话费/通话月度数据) and the package catalogue (套餐目录).
-- Written once for H2 and MySQL/MariaDB: keep to the syntax both accept.

-- The feed brings the minutes and the package the customer was on that month (NULL: no package).
ALTER TABLE monthly_bill ADD minutes INT;
ALTER TABLE monthly_bill ADD package_code VARCHAR(32);
ALTER TABLE monthly_bill ADD updated_at DATETIME;
-- the monthly scan reads two months of all customers: by month, in customer order
CREATE INDEX ix_bill_month_customer ON monthly_bill (bill_month, customer_no);

-- Packages the desk advises on, edited by administrators; next_tier is the package one step up.
CREATE TABLE usage_package (
    code             VARCHAR(32)   NOT NULL PRIMARY KEY,
    name             VARCHAR(100)  NOT NULL,
    monthly_minimum  DECIMAL(12,2) NOT NULL,
    next_tier        VARCHAR(32),
    converged        BOOLEAN       NOT NULL,
    updated_at       DATETIME      NOT NULL,
    version          INT           NOT NULL
);
INSERT INTO usage_package (code, name, monthly_minimum, next_tier, converged, updated_at, version) VALUES
    ('PKG_39', '39元套餐', 39.00, 'PKG_59', FALSE, CURRENT_TIMESTAMP, 0),
    ('PKG_59', '59元套餐', 59.00, 'PKG_89', FALSE, CURRENT_TIMESTAMP, 0),
    ('PKG_89', '89元套餐', 89.00, 'PKG_129', FALSE, CURRENT_TIMESTAMP, 0),
    ('PKG_129', '129元套餐', 129.00, NULL, FALSE, CURRENT_TIMESTAMP, 0),
    ('FUSION_169', '169元融合套餐', 169.00, NULL, TRUE, CURRENT_TIMESTAMP, 0);

-- The usage month a usage-warning case is about: one case per customer, case type and month, however
-- often the monthly scan runs (NULL for the other cases: unique keys treat NULLs as distinct).
ALTER TABLE retention_case ADD usage_month VARCHAR(7);
CREATE UNIQUE INDEX uq_case_usage_month ON retention_case (customer_no, case_type, usage_month);
