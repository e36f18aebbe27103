-- 本组任务 and 今日到期 (the team's tasks, by due date): with TaskAuthorizationCheck checking the candidate
-- group per task, the page walks the open tasks in this index's order and stops after 15 of the team's,
-- instead of sorting all of the team's open tasks.
CREATE INDEX DESK_IDX_TASK_DUE ON ACT_RU_TASK (DUE_DATE_);
