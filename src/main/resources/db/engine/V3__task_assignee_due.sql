-- 我的任务 (assignee = me, by due date): with TaskAuthorizationCheck the page is read in this index's
-- order and stops after 15 rows, instead of sorting all of the manager's open tasks.
CREATE INDEX DESK_IDX_TASK_ASSIGNEE_DUE ON ACT_RU_TASK (ASSIGNEE_, DUE_DATE_);
