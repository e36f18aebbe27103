-- Tasklist's team counts without reading the team's tasks (system.TaskTally): open tasks counted by their
-- candidate groups, task definition key and due day. Insert-only: each transaction that opens, completes or cancels
-- tasks, or moves a due date, adds its changes as rows (+n / -n), so nodes never wait on a shared counter
-- row; a count is the sum of the rows of its groups. TaskTally.reconcile() replaces the rows by the exact
-- counts from the engine's tables at start and every few minutes, which also keeps the table small.
CREATE TABLE desk_task_tally (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    -- the task's candidate groups, sorted, each between commas: ",team1," or ",supervisors,team1,"
    -- (a task whose groups do not fit is not tallied, and the counts go to the database while it is open)
    group_key   VARCHAR(1000) NOT NULL,
    -- the task's definition key (已升级 counts the escalation tasks by their key)
    task_key    VARCHAR(255)  NOT NULL,
    -- the task's due day in the desk's time zone; NULL for a task without a due date
    due_day     DATE,
    delta       INT           NOT NULL,
    PRIMARY KEY (id)
);
-- no index besides the key: a count reads the whole table (a few hundred rows after reconciling, a few
-- thousand between two), since it looks for its groups inside the keys
