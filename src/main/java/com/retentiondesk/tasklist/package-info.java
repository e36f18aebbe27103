/**
 * The desk's changes to the engine for Tasklist at volume, and what Tasklist needs to work with authorization
 * on: with authorization on and tens of thousands of open tasks, the engine's own statements take seconds per Tasklist page. Each change keeps the engine's
 * answer (same tasks, same counts, same access rule) and can be checked against it; figures are in
 * {@code docs/tasklist-at-volume.md}, not here.
 * <table>
 * <caption>The changes, their switches and their tests</caption>
 * <tr><th>change</th><th>switch (default)</th><th>test</th></tr>
 * <tr><td>{@link com.retentiondesk.tasklist.TaskAuthorizationCheck}: the grant join of task, variable and
 * filter queries rewritten into EXISTS checks per resource id ({@code GrantCheckRewrite}), counts whose grant
 * check the question implies answered without it ({@code CountPlan}, {@code RewritingInterceptor}), pages sorted by
 * due date read past the tasks without one when the tally says none is the page's ({@code DuePage}), pages
 * sorted by due date and then by Tasklist's sorting read within the due date of their last task
 * ({@code BoundedPage}), the escalations' pages one key at a time ({@code KeyPage}), Tasklist's "active"
 * dropped while no task is suspended ({@code ActiveTerm})</td>
 * <td>{@code desk.tasklist.rewrite-enabled} (true)</td>
 * <td>{@code GrantCheckRewriteTest}, {@code TaskAuthorizationCheckAccessTest}, {@code TaskTallyTest},
 * {@code TasklistPagesTest}</td></tr>
 * <tr><td>{@link com.retentiondesk.tasklist.TaskTally}: team counts from {@code desk_task_tally}, kept by
 * task listeners ({@code TallyChanges}), corrected by {@code TallyReconciler}, summed by {@code TallySums}</td>
 * <td>{@code desk.tasklist.tally-enabled} (true), {@code desk.tasklist.tally-reconcile-seconds} (300)</td>
 * <td>{@code TaskTallyTest}</td></tr>
 * <tr><td>{@code NewTaskGrants}: no look-up of an existing grant for a task created in the same command</td>
 * <td>none (the grants written are the engine's)</td><td>{@code NewTaskGrantsTest}</td></tr>
 * <tr><td>{@code HalCaches}: users, groups and process definitions embedded in Tasklist's HAL pages cached</td>
 * <td>{@code desk.tasklist.hal-cache-seconds} (300)</td><td>{@code HalCachesTest}</td></tr>
 * <tr><td>{@code SharedRestMapper}: one JSON mapper for both REST paths, where the engine made a new one per body
 * read or written</td><td>none</td><td>{@code SharedRestMapperTest}</td></tr>
 * <tr><td>{@code ReadCallTransaction}: Tasklist's reads of a filter (page, counts) in one transaction, one pooled
 * connection per page instead of nine</td><td>{@code desk.tasklist.read-transaction} (true)</td>
 * <td>{@code ReadCallTransactionTest}</td></tr>
 * <tr><td>{@link com.retentiondesk.tasklist.TaskListVariables}: the filters' customer columns copied onto each
 * task, where managers may read them</td><td>none (without it the columns are empty)</td>
 * <td>{@code TaskListVariablesTest}</td></tr>
 * <tr><td>{@code TaskAccess}: Tasklist's actions on one task on both REST paths: a task the caller may not read
 * answers 404 in Chinese, a PUT of the task as read works (7.24's {@code camundaFormRef} dropped), comments of a
 * task the caller may read (the engine REST looked for its history)</td><td>none</td><td>{@code TaskActionsTest}</td></tr>
 * <tr><td>{@code TakeOverTrail}: a comment on the task when a user takes it off a colleague</td><td>none</td>
 * <td>{@code TaskActionsTest}</td></tr>
 * <tr><td>indexes on the engine's tables ({@code db/engine}, applied by {@code system.EngineIndexes})</td>
 * <td>none</td><td>{@code TaskAuthorizationCheckAccessTest} (indexes present)</td></tr>
 * </table>
 */
package com.retentiondesk.tasklist;
