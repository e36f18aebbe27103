-- Fills the first-contact part of the KPI ledger from the case rows (quarter hours from whole seconds,
-- which H2 and MySQL count alike). Also run by KpiLedger.rebuild().
DELETE FROM kpi_contact_day;

INSERT INTO kpi_contact_day (on_day, case_type, manager_id, quarter, cases)
SELECT CAST(opened_at AS DATE), case_type, manager_id,
    FLOOR(GREATEST(TIMESTAMPDIFF(SECOND, opened_at, first_contact_at), 0) / 900), COUNT(*)
FROM retention_case
WHERE first_contact_at IS NOT NULL
GROUP BY CAST(opened_at AS DATE), case_type, manager_id,
    FLOOR(GREATEST(TIMESTAMPDIFF(SECOND, opened_at, first_contact_at), 0) / 900);
