-- Fills the task part of the KPI ledger from the engine's task history (call tasks with a due date,
-- completed; escalation tasks are the supervisors' and do not count). Also run by KpiLedger.rebuild().
DELETE FROM kpi_task_day;

INSERT INTO kpi_task_day (on_day, manager_id, on_time, late)
SELECT CAST(END_TIME_ AS DATE), ASSIGNEE_,
    SUM(CASE WHEN END_TIME_ <= DUE_DATE_ THEN 1 ELSE 0 END),
    SUM(CASE WHEN END_TIME_ > DUE_DATE_ THEN 1 ELSE 0 END)
FROM ACT_HI_TASKINST
WHERE ASSIGNEE_ IS NOT NULL AND END_TIME_ IS NOT NULL AND DUE_DATE_ IS NOT NULL AND DELETE_REASON_ = 'completed'
    AND TASK_DEF_KEY_ NOT LIKE 'Task_Escalat%'
GROUP BY CAST(END_TIME_ AS DATE), ASSIGNEE_;
