// The checks of issue 23 against a running desk (e2e profile): billing figures out of range are refused
// naming the field, an administrator reads and writes next year's work calendar, and a customer file of
// 5,200 rows is answered 202 with a Location followed to DONE. The unit tests (BadInputSweepTest,
// CalendarApiTest, ListJobApiTest) hold the same points at build time.
import assert from 'node:assert/strict';
import { test } from 'node:test';

const BASE = process.env.E2E_BASE_URL || 'http://127.0.0.1:18080';
const PASSWORD = process.env.E2E_PASSWORD || 'Retention#2026';

async function call(method, pathname, { user = 'admin', json, form, raw } = {}) {
  const headers = { Authorization: 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64'),
    Accept: 'application/json' };
  let body = form;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  const response = await fetch(BASE + pathname, { method, headers, body, redirect: 'manual' });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, location: response.headers.get('location'), body: parsed };
}

test('1. payments out of range are refused naming the field, not taken for repeats', async () => {
  for (const [payment, field] of [
    [{ customerNo: 'C1001', amount: 12345678901.00, paidAt: '2026-11-20T10:15:00+08:00' }, 'amount'],
    [{ customerNo: 'C1001', amount: 50, paidAt: '0001-01-01T00:00:00Z' }, 'paidAt'],
    [{ customerNo: 'C1001', amount: 0, paidAt: '2026-11-20T10:15:00+08:00' }, 'amount']]) {
    const answer = await call('POST', '/api/billing/payments', { user: 'billing', json: payment });
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.ok(answer.body.message.startsWith(field), answer.body.message);
    assert.match(answer.body.message, /\p{Script=Han}/u);
  }
});

test("2. an administrator reads and writes next year's work calendar", async () => {
  const next = new Date().getFullYear() + 1;
  const read = await call('GET', `/api/admin/calendar/${next}`);
  assert.equal(read.status, 200, JSON.stringify(read.body));
  const written = await call('PUT', `/api/admin/calendar/${next}`, { json: read.body.days });
  assert.equal(written.status, 200, JSON.stringify(written.body));
  assert.deepEqual(written.body.days, read.body.days);
  const outside = await call('PUT', `/api/admin/calendar/${next}`,
    { json: [{ date: `${next + 1}-01-01`, type: 'HOLIDAY', name: '元旦' }] });
  assert.equal(outside.status, 400);
  assert.equal((await call('GET', `/api/admin/calendar/${next}`, { user: 'supervisor1' })).status, 403);
});

test('3. 5,200 customers are imported in the background, followed through the Location to DONE', async () => {
  const rows = ['customer_no,name,service_no,network,segment,star_level,payment_type,balance,arrears_months,line_status,manager'];
  for (let i = 0; i < 5200; i++) {
    rows.push(`E2EL${String(i).padStart(5, '0')},客户${i},133${String(i).padStart(8, '0')},CDMA,,3,PREPAID,10.00,0,ACTIVE,manager1`);
  }
  const form = new FormData();
  form.append('file', new Blob([rows.join('\n') + '\n'], { type: 'text/csv' }), 'long.csv');
  const accepted = await call('POST', '/api/customers/import', { user: 'billing', form });
  assert.equal(accepted.status, 202, JSON.stringify(accepted.body));
  assert.match(accepted.location, /\/api\/customers\/imports\/[0-9a-f-]{36}$/);
  let state = accepted.body;
  const until = Date.now() + 180_000;
  while (state.state === 'RUNNING' && Date.now() < until) {
    await new Promise(resolve => setTimeout(resolve, 500));
    state = (await call('GET', new URL(accepted.location, BASE).pathname, { user: 'billing' })).body;
  }
  assert.equal(state.state, 'DONE', JSON.stringify(state));
  assert.equal(state.rowsRead, 5200);
  assert.equal(state.report.rowsRead, 5200);
  assert.equal(state.report.rejectedCount, 0);
});
