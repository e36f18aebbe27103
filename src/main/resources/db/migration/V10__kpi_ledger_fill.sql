-- Fills the case and call parts of the KPI ledger from the case and contact rows. Also run by
-- KpiLedger.rebuild() (after data was loaded around the application), so it starts by emptying them.
DELETE FROM kpi_case_day;
DELETE FROM kpi_call_day;

INSERT INTO kpi_case_day (on_day, case_type, manager_id, opened, owed, recovered, closed_paid, closed_unpaid,
    closed_suspended, closed_retained, closed_won_back, closed_upgraded, closed_declined, closed_unreachable,
    closed_lost, closed_expired, closed_cancelled)
SELECT on_day, case_type, manager_id, SUM(opened), SUM(owed), SUM(recovered), SUM(paid), SUM(unpaid), SUM(suspended),
    SUM(retained), SUM(won_back), SUM(upgraded), SUM(declined), SUM(unreachable), SUM(lost), SUM(expired),
    SUM(cancelled)
FROM (
    SELECT CAST(opened_at AS DATE) AS on_day, case_type, manager_id, 1 AS opened, COALESCE(amount_owed, 0) AS owed,
        COALESCE(amount_recovered, 0) AS recovered, 0 AS paid, 0 AS unpaid, 0 AS suspended, 0 AS retained,
        0 AS won_back, 0 AS upgraded, 0 AS declined, 0 AS unreachable, 0 AS lost, 0 AS expired, 0 AS cancelled
    FROM retention_case
    UNION ALL
    SELECT CAST(closed_at AS DATE), case_type, manager_id, 0, 0, 0,
        CASE WHEN outcome = 'PAID' THEN 1 ELSE 0 END, CASE WHEN outcome = 'UNPAID' THEN 1 ELSE 0 END,
        CASE WHEN outcome = 'SUSPENDED' THEN 1 ELSE 0 END, CASE WHEN outcome = 'RETAINED' THEN 1 ELSE 0 END,
        CASE WHEN outcome = 'WON_BACK' THEN 1 ELSE 0 END, CASE WHEN outcome = 'UPGRADED' THEN 1 ELSE 0 END,
        CASE WHEN outcome = 'DECLINED' THEN 1 ELSE 0 END, CASE WHEN outcome = 'UNREACHABLE' THEN 1 ELSE 0 END,
        CASE WHEN outcome = 'LOST' THEN 1 ELSE 0 END, CASE WHEN outcome = 'EXPIRED' THEN 1 ELSE 0 END,
        CASE WHEN outcome = 'CANCELLED' THEN 1 ELSE 0 END
    FROM retention_case
    WHERE closed_at IS NOT NULL
) changes
GROUP BY on_day, case_type, manager_id;

INSERT INTO kpi_call_day (on_day, manager_id, calls, reached)
SELECT CAST(attempted_at AS DATE), manager_id, COUNT(*),
    SUM(CASE WHEN outcome IN ('NOT_REACHED', 'UNREACHABLE') THEN 0 ELSE 1 END)
FROM contact_attempt
WHERE channel = 'PHONE'
GROUP BY CAST(attempted_at AS DATE), manager_id;
