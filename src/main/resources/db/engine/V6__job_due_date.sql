-- The job executor's acquisition looks for due jobs (DUEDATE_ null or past) on every cycle of every node.
-- The engine's MySQL schema has no index for it, so with 100,000 cases waiting on their timers each
-- acquisition read the whole job table (190-245 ms on MariaDB, measured); with it, 0.4 ms.
CREATE INDEX DESK_IDX_JOB_DUE ON ACT_RU_JOB (DUEDATE_);
