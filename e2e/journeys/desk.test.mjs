// The real journey in a real browser (issue #11): phone managers in Tasklist, an escalation after the
// due time, the supervisors' dashboard in Cockpit and the groups in Admin, on a desk of its own
// (e2e/run). The journeys build on each other and run in this order.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { BASE, api, call, eventually, inBrowser, login, mails, shot } from '../lib/desk.mjs';

// two arrears customers of manager1 (team1, supervisor1): PHS and "other", so no automatic reminder
const CALLED = { no: 'E2E0001', name: '端木晓春', serviceNo: '13300009001' };
const LATE = { no: 'E2E0002', name: '欧阳明远', serviceNo: '13300009002' };
const CSV = [
  'customer_no,name,service_no,network,segment,star_level,payment_type,balance,arrears_months,line_status,manager',
  `${CALLED.no},${CALLED.name},${CALLED.serviceNo},PHS,OTHER,5,PREPAID,3.50,0,ACTIVE,manager1`,
  `${LATE.no},${LATE.name},${LATE.serviceNo},PHS,OTHER,4,POSTPAID,-66.00,2,ACTIVE,manager1`
].join('\n') + '\n';

const TIMEOUT = { timeout: 240_000 };

/** The open tasks of a customer's case, as the engine sees them. */
async function tasksOf(customer) {
  return api('GET', `/engine-rest/task?processInstanceBusinessKey=${customer.no}`);
}

/** A task card of the Tasklist list, by the customer it is for (a column of the desk's filters). */
function card(page, customer) {
  return page.locator('li.task', { hasText: customer.name });
}

/** The open task's form shows the case brief (客户情况, a read-only text area) of the customer. */
async function caseBriefShows(page, customer) {
  await eventually(`the case brief of ${customer.no}`, async () =>
    (await page.getByLabel('客户情况').inputValue()).includes(`${customer.name} (${customer.no})`));
}

async function openFilter(page, name) {
  await page.locator('.task-filter h4.name a', { hasText: name }).click();
  await page.locator('.task-filter.active h4.name a', { hasText: name }).waitFor();
}

before(async () => {
  const form = new FormData();
  form.append('file', new Blob([CSV], { type: 'text/csv' }), 'e2e-customers.csv');
  const report = await api('POST', '/api/customers/import', { user: 'billing', form });
  assert.equal(report.created, 2, JSON.stringify(report));
  assert.deepEqual(report.rejected, []);

  await api('POST', '/engine-rest/process-definition/key/ArrearsScanProcess/start', {
    json: { variables: { force: { value: true, type: 'Boolean' } } }
  });
  for (const customer of [CALLED, LATE]) {
    await eventually(`the arrears call task of ${customer.no}`, async () => (await tasksOf(customer)).length === 1);
  }
});

test('1. a phone manager takes over a colleague\'s arrears call in Tasklist and records "not reached"', TIMEOUT, async () => {
  const [task] = await tasksOf(CALLED);
  assert.equal(task.name, '欠费提醒电话');
  assert.equal(task.assignee, 'manager1', 'the desk assigns the call to the customer\'s manager');

  await inBrowser('journey-1', async page => {
    await page.goto(`${BASE}/camunda/app/tasklist/default/`);
    await page.getByPlaceholder('用户名').waitFor();
    await shot(page, 'tasklist-login-zh');
    // manager2 of the same team covers for manager1, who is away
    await login(page, 'tasklist', 'manager2');

    await openFilter(page, '我的任务');
    const own = await api('GET', '/engine-rest/task?assignee=manager2', { user: 'manager2' });
    await eventually(`manager2's ${own.length} own task(s) listed`, async () =>
      await page.locator('li.task').count() === own.length);
    await shot(page, 'tasklist-my-tasks');
    assert.equal(await card(page, CALLED).count(), 0, 'not yet manager2\'s task');

    await openFilter(page, '本组任务');
    const teamCard = card(page, CALLED);
    await teamCard.waitFor();
    assert.match(await teamCard.innerText(), /欠费提醒电话[\s\S]*芳 王/);
    assert.match(await teamCard.innerText(), new RegExp(CALLED.serviceNo));
    await shot(page, 'tasklist-team-tasks');

    await teamCard.locator('h4 a').click();
    await page.getByRole('heading', { name: '欠费提醒电话' }).first().waitFor();
    await caseBriefShows(page, CALLED);
    // claim: take the task off manager1, then 认领
    await page.locator('a.reset-assignee').click();
    await page.getByText('认领', { exact: true }).click();
    await page.locator('li.assignee', { hasText: '娜 李' }).waitFor();
    await eventually('manager2 as assignee', async () => (await tasksOf(CALLED))[0].assignee === 'manager2');
    await shot(page, 'tasklist-claimed');

    await page.getByLabel('未接通').check();
    await page.getByLabel('通话备注').fill('关机,明天上午再打');
    await shot(page, 'tasklist-form-not-reached');
    await page.getByRole('button', { name: '完成', exact: true }).click();
    await eventually('the completed call to leave the engine', async () => (await tasksOf(CALLED)).length === 0);
    await card(page, CALLED).waitFor({ state: 'detached' });
    await shot(page, 'tasklist-completed');
  });

  // the case moved on: the call is done and the case waits for the payment follow-up
  assert.deepEqual(await tasksOf(CALLED), []);
  const [instance] = await api('GET', `/engine-rest/process-instance?businessKey=${CALLED.no}`);
  const activities = await api('GET', `/engine-rest/process-instance/${instance.id}/activity-instances`);
  assert.deepEqual(activities.childActivityInstances.map(a => a.activityId), ['TimerEvent_FollowUpDue']);
  const followUpAt = await api('GET', `/engine-rest/process-instance/${instance.id}/variables/followUpAt`);
  assert.ok(new Date(followUpAt.value) > new Date(task.due), `follow-up ${followUpAt.value} after the call's due time`);
  const calls = await api('GET', `/engine-rest/history/variable-instance?processInstanceId=${instance.id}&variableName=callOutcome&includeDeleted=true`);
  assert.deepEqual(calls.map(v => v.value), ['NOT_REACHED']);
});

test('2. an invalid call form shows the server\'s Chinese message and saves nothing', TIMEOUT, async () => {
  const [task] = await tasksOf(LATE);
  const before = await api('GET', `/engine-rest/task/${task.id}/variables`);

  await inBrowser('journey-2', async page => {
    await login(page, 'tasklist', 'manager1');
    await openFilter(page, '我的任务');
    await card(page, LATE).locator('h4 a').click();
    await caseBriefShows(page, LATE);

    // reached, but no payment channel: form-js lets it through, the server does not
    await page.getByLabel('已接通').check();
    await page.getByLabel('通话备注').fill('客户说下周缴费');
    const answer = page.waitForResponse(r => r.request().method() === 'POST'
      && /\/task\/[^/]+\/(submit-form|complete)$/.test(new URL(r.url()).pathname));
    await page.getByRole('button', { name: '完成', exact: true }).click();
    assert.equal((await answer).status(), 400);
    await page.getByText('表单有误: 已接通时请选择“建议的缴费渠道”').first().waitFor();
    assert.equal(await page.getByText('Cannot submit task form').count(), 0, 'no English engine prefix');
    await shot(page, 'tasklist-form-rejected');
  });

  const after = await tasksOf(LATE);
  assert.deepEqual(after.map(t => t.id), [task.id], 'the call task is still open');
  const variables = await api('GET', `/engine-rest/task/${task.id}/variables`);
  assert.deepEqual(variables, before, 'no variable written');
  assert.equal(variables.callOutcome, undefined);
  assert.equal(variables.callNotes, undefined);
});

test('3. after the due time the supervisor finds the escalation in 已升级', TIMEOUT, async () => {
  const [lateCall] = await tasksOf(LATE);
  const overdue = new Date(new Date(lateCall.due).getTime() + 2 * 60_000);
  const refused = await call('POST', '/api/e2e/clock', { user: 'manager1', json: { advance: 'P1D' } });
  assert.equal(refused.status, 403, 'only administrators move the clock');
  const moved = await api('POST', '/api/e2e/clock', { json: { to: overdue.toISOString() } });
  assert.ok(new Date(moved.now) >= overdue, JSON.stringify(moved));

  const escalation = await eventually('the escalation task', async () =>
    (await tasksOf(LATE)).find(t => t.taskDefinitionKey === 'Task_EscalationReview'), { timeout: 120_000 });
  assert.equal(escalation.name, '处理逾期升级');
  assert.equal(escalation.assignee, 'supervisor1');
  const mail = await eventually('the escalation mail to supervisor1', async () =>
    mails().find(m => m.to.includes('supervisor1@') && m.subject.includes(LATE.no)));
  assert.match(mail.subject, /逾期升级/);

  await inBrowser('journey-3', async page => {
    await login(page, 'tasklist', 'supervisor1');
    await openFilter(page, '已升级');
    const escalated = card(page, LATE);
    await escalated.waitFor();
    assert.match(await escalated.innerText(), /处理逾期升级/);
    await shot(page, 'tasklist-escalated-filter');
    await escalated.locator('h4 a').click();
    await caseBriefShows(page, LATE);
    await page.getByLabel('已督促电话经理跟进').waitFor();
    await shot(page, 'tasklist-escalation-task');
  }, { now: (await api('GET', '/api/e2e/clock')).now });
});

test('4. the supervisor\'s 保有看板 in Cockpit shows the figures of /api/kpi', TIMEOUT, async () => {
  await inBrowser('journey-4', async page => {
    await login(page, 'cockpit', 'supervisor1');
    const board = page.locator('section.retention-kpi');
    const arrearsRow = board.locator('tr', { hasText: '欠费温馨提醒' });
    await arrearsRow.waitFor();
    await board.scrollIntoViewIfNeeded();

    const from = await board.locator('input[name=from]').inputValue();
    const to = await board.locator('input[name=to]').inputValue();
    const kpi = await api('GET', `/api/kpi?from=${from}&to=${to}`, { user: 'supervisor1' });
    const arrears = kpi.caseTypes.find(t => t.caseType === 'ARREARS_REMINDER');
    assert.ok(arrears.opened >= 2, `our two cases among the ${arrears.opened} opened`);

    const cells = await arrearsRow.locator('td').allInnerTexts();
    assert.deepEqual(cells.slice(0, 4).map(c => c.trim()),
      ['欠费温馨提醒', String(arrears.opened), String(arrears.openNow), String(arrears.closed)]);

    const manager2 = kpi.managers.find(m => m.managerId === 'manager2');
    assert.equal(manager2.calls, 1);
    assert.equal(manager2.reached, 0);
    const managerCells = await board.locator('tr', { hasText: '(manager2)' }).locator('td').allInnerTexts();
    assert.deepEqual(managerCells.slice(1, 3).map(c => c.trim()), ['1', '0']);

    assert.ok(kpi.escalations.some(e => e.customerNo === LATE.no));
    await board.locator('tr', { hasText: LATE.no }).waitFor();
    // Cockpit scrolls inside its own container: a tall window shows the whole dashboard
    await page.setViewportSize({ width: 1400, height: 2000 });
    await shot(page, 'cockpit-kpi-dashboard');
  }, { now: (await api('GET', '/api/e2e/clock')).now });
});

test('5. an administrator sees the desk\'s groups in Admin', TIMEOUT, async () => {
  await inBrowser('journey-5', async page => {
    await login(page, 'admin', 'admin');
    await page.goto(`${BASE}/camunda/app/admin/default/#/groups`);
    const table = page.locator('table');
    for (const group of ['phone-managers', 'supervisors', 'integration', 'team1', 'team2', 'camunda-admin']) {
      await table.locator('td', { hasText: new RegExp(`^\\s*${group}\\s*$`) }).first().waitFor();
    }
    await page.getByText('电话经理一组').waitFor();
    await shot(page, 'admin-groups');
  });
});
