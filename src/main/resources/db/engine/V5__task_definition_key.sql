-- 已升级 (escalation tasks, by creation time): the filter's key prefix (Task\_Escalat%) is a range of
-- this index, about 1% of the open tasks, instead of a scan of all of them.
CREATE INDEX DESK_IDX_TASK_DEF_KEY ON ACT_RU_TASK (TASK_DEF_KEY_, CREATE_TIME_);
