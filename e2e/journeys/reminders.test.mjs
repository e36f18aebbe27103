// Issue #20 in a real browser: a CDMA 普1 customer's arrears case with no mail server. The automatic
// reminders' e-mails fail on their own steps; the manager's first call comes on its day all the same and
// its brief says which reminders failed. Runs after desk.test.mjs (e2e/run), on the clock that left.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { api, eventually, inBrowser, login, shot } from '../lib/desk.mjs';

const TIER1 = { no: 'E2E0101', name: '司马静怡', serviceNo: '13300009101', email: 'e2e0101@customer.example.cn' };
const CSV = [
  'customer_no,name,service_no,network,segment,star_level,payment_type,balance,arrears_months,line_status,manager,email',
  `${TIER1.no},${TIER1.name},${TIER1.serviceNo},CDMA,CDMA_TIER1,5,PREPAID,4.20,0,ACTIVE,manager5,${TIER1.email}`
].join('\n') + '\n';
const TIMEOUT = { timeout: 240_000 };

async function jobsOf(processInstanceId, query = '') {
  return api('GET', `/engine-rest/job?processInstanceId=${processInstanceId}${query}`);
}

before(async () => {
  // no mail server from here on: e2e/run gives the sink's pid
  const sink = Number(process.env.E2E_SINK_PID);
  assert.ok(sink > 0, 'E2E_SINK_PID is set by e2e/run');
  process.kill(sink);
  const form = new FormData();
  form.append('file', new Blob([CSV], { type: 'text/csv' }), 'e2e-tier1.csv');
  const report = await api('POST', '/api/customers/import', { user: 'billing', form });
  assert.equal(report.created, 1, JSON.stringify(report));
});


test('6. a 普1 customer gets automatic reminders, and the manager\'s call comes on its day though the mail server is down', TIMEOUT, async () => {
  await api('POST', '/engine-rest/process-definition/key/ArrearsScanProcess/start', {
    json: { variables: { force: { value: true, type: 'Boolean' } } }
  });
  const [instance] = await eventually(`the arrears case of ${TIER1.no}`, async () => {
    const found = await api('GET', `/engine-rest/process-instance?processDefinitionKey=ArrearsReminderProcess&businessKey=${TIER1.no}`);
    return found.length === 1 && found;
  });
  // no call yet: two reminders first, one per working day, then the call
  assert.equal((await api('GET', `/engine-rest/task?processInstanceId=${instance.id}`)).length, 0);
  const callAt = new Date((await api('GET', `/engine-rest/process-instance/${instance.id}/variables/firstCallAt`)).value);
  const timers = await jobsOf(instance.id, '&timers=true');
  assert.equal(timers.filter(t => new Date(t.dueDate) < callAt).length, 2, `two reminder timers before the call: ${JSON.stringify(timers)}`);

  // the days pass: both reminders fall due, one working day apart (the last at least a day before the
  // call); their e-mails fail on their own steps
  await api('POST', '/api/e2e/clock', { json: { to: new Date(callAt.getTime() - 12 * 3600_000).toISOString() } });
  await eventually('both reminder SMS sent', async () => (await api('GET',
    `/engine-rest/history/activity-instance?processInstanceId=${instance.id}&activityId=ServiceTask_SendAutoReminderSms&finished=true`))
    .length === 2, { timeout: 120_000 });
  await eventually('the reminder e-mails failing on their own steps', async () =>
    (await jobsOf(instance.id, '&withException=true')).length === 2, { timeout: 120_000 });
  assert.equal((await api('GET', `/engine-rest/task?processInstanceId=${instance.id}`)).length, 0, 'no call before its day');

  // the call's day: the manager's call comes, though the e-mails still fail
  await api('POST', '/api/e2e/clock', { json: { to: new Date(callAt.getTime() + 60_000).toISOString() } });
  const callTask = await eventually('the first reminder call', async () =>
    (await api('GET', `/engine-rest/task?processInstanceId=${instance.id}&taskDefinitionKey=Task_FirstReminderCall`))[0],
  { timeout: 120_000 });
  assert.equal(callTask.assignee, 'manager5');
  assert.equal((await jobsOf(instance.id, '&withException=true')).length, 2, 'the failed e-mails are still there');

  await inBrowser('journey-6', async page => {
    await login(page, 'tasklist', 'manager5');
    // the arrears call's card: the Monday profile scan may have given the same customer a 核实用户资料 task (issue 28)
    const card = page.locator('li.task', { hasText: TIER1.name }).filter({ hasText: '欠费提醒电话' });
    await card.waitFor();
    await card.locator('h4 a').click();
    const brief = page.getByLabel('客户情况');
    await eventually('the brief names the failed reminders', async () =>
      (await brief.inputValue()).includes('自动提醒: 第1次 短信已发出 邮件发送失败; 第2次 短信已发出 邮件发送失败'));
    await shot(page, 'tasklist-tier1-call-after-failed-reminders');
  }, { now: (await api('GET', '/api/e2e/clock')).now });
});

test('6b. an administrator reads the customer\'s SMS in Admin (no SMS centre: the desk keeps them, issue #26)', TIMEOUT, async () => {
  const sms = await api('GET', `/api/admin/sms?customerNo=${TIER1.no}`);
  assert.equal(sms.messages, 2, JSON.stringify(sms));
  await inBrowser('journey-6b', async page => {
    await login(page, 'admin', 'admin');
    const section = page.locator('section.customer-sms');
    await section.waitFor();
    await section.locator('input[name=customerNo]').fill(TIER1.no);
    await section.getByRole('button', { name: '查询' }).click();
    const rows = section.locator('[data-sms-row]');
    await eventually('the two reminder SMS listed', async () => (await rows.count()) === 2);
    const facts = await rows.first().locator('div').first().innerText();
    for (const fact of ['服务通知', TIER1.serviceNo, sms.sms[0].statusLabel]) {
      assert.ok(facts.includes(fact), `${fact} in "${facts}"`);
    }
    assert.equal(await rows.first().locator('div').nth(1).innerText(), sms.sms[0].text);
    await page.locator('[cam-widget-header]').getByText('保有工作台').first().waitFor();
    await shot(page, 'admin-customer-sms');
  });
});
