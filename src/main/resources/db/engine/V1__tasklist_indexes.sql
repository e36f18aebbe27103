-- Indexes of our own on Camunda's runtime tables, for Tasklist at volume with authorization on
-- (README, "Tasklist at volume"). Applied by EngineIndexes after the engine has created its tables;
-- the history of these migrations is kept in desk_engine_schema_history.

-- candidate-group filters (本组任务, 今日到期, 已升级): the team's task ids straight from the index
CREATE INDEX DESK_IDX_IDENT_GROUP_TASK ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);

-- the per-task grant check (TaskAuthorizationCheck): one index read answers it, no row lookup
CREATE INDEX DESK_IDX_AUTH_RESOURCE ON ACT_RU_AUTHORIZATION (RESOURCE_ID_, RESOURCE_TYPE_, TYPE_, PERMS_, GROUP_ID_, USER_ID_);
