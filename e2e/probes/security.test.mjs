// The probes of issue 24 ("what a probe of the running desk found"), repeated against a running desk
// with the e2e profile (demo users, the test clock /api/e2e/clock): e2e/run runs them after the
// journeys. Each probe is what an outsider, a manager or a supervisor tried over HTTP; the unit tests
// (SecurityTest and its neighbours in src/test/.../security) hold the same points at build time.
// The per-address login limit is probed last: it refuses this address's logins for the e2e profile's
// 20 seconds (10 minutes in production) and then checks that they are let in again.
import assert from 'node:assert/strict';
import { test } from 'node:test';

// HTTP only, no browser: runnable with plain Node.js 20 against any desk with the e2e profile
const BASE = process.env.E2E_BASE_URL || 'http://127.0.0.1:18080';
const PASSWORD = process.env.E2E_PASSWORD || 'Retention#2026';

/** Calls the desk with HTTP Basic; answers {ok, status, body} (body parsed when JSON). */
async function call(method, pathname, { user = 'admin', password = PASSWORD, json, form } = {}) {
  const headers = { Authorization: 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64'),
    Accept: 'application/json' };
  let body = form;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  const response = await fetch(BASE + pathname, { method, headers, body });
  const text = await response.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { ok: response.ok, status: response.status, body: parsed };
}

/** As {@link call}, answering the body; throws on an error status. */
async function api(method, pathname, options = {}) {
  const answer = await call(method, pathname, options);
  if (!answer.ok) {
    throw new Error(`${method} ${pathname}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

const HAN = /\p{Script=Han}/u;
const NO_CLASS = message => !/java\.|org\.|com\.|Exception/.test(message);

/** A throwaway phone manager, created by the administrator, with the demo password (again, on a rerun). */
async function manager(id) {
  const exists = await call('GET', `/engine-rest/user/${id}/profile`);
  if (exists.status === 404) {
    await api('POST', '/engine-rest/user/create', { json: { profile: { id, firstName: '探', lastName: '针' },
      credentials: { password: PASSWORD } } });
    await api('PUT', `/engine-rest/group/phone-managers/members/${id}`);
  } else {
    await api('PUT', `/engine-rest/user/${id}/credentials`, { json: { password: PASSWORD,
      authenticatedUserPassword: PASSWORD } });
  }
}

function clientError(answer, status, word) {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  const message = String(answer.body && answer.body.message);
  assert.match(message, HAN);
  assert.ok(message.includes(word), message);
  assert.ok(NO_CLASS(message), message);
}

/** A Tasklist login as a browser does it; answers the Set-Cookie lines of the page and the login. */
async function tasklistLogin(user) {
  const page = await fetch(BASE + '/camunda/app/tasklist/default/');
  const cookies = page.headers.getSetCookie();
  const login = await fetch(BASE + '/camunda/api/admin/auth/user/default/login/tasklist', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': page.headers.get('X-XSRF-TOKEN'),
      Cookie: cookies.map(c => c.split(';')[0]).join('; ') },
    body: new URLSearchParams({ username: user, password: PASSWORD })
  });
  assert.equal(login.status, 200);
  return [...cookies, ...login.headers.getSetCookie()];
}

test('1. ten failed logins, each after the last lock ran out, do not lock an account for good', async () => {
  await manager('probelock');
  for (let attempt = 1; attempt <= 10; attempt++) {
    await api('POST', '/api/e2e/clock', { json: { advance: 'PT16M' } });
    assert.equal((await call('GET', '/engine-rest/task/count', { user: 'probelock', password: 'Wrong#Pass2026' })).status, 401);
  }
  await api('POST', '/api/e2e/clock', { json: { advance: 'PT16M' } });
  assert.equal((await call('GET', '/engine-rest/task/count', { user: 'probelock' })).status, 200);
});

test('2. a manager can neither delete nor rename themselves, but can change their password', async () => {
  await manager('probeself');
  clientError(await call('DELETE', '/engine-rest/user/probeself', { user: 'probeself' }), 403, '密码');
  clientError(await call('PUT', '/engine-rest/user/probeself/profile', { user: 'probeself',
    json: { id: 'probeself', firstName: '系统', lastName: '管理员' } }), 403, '密码');
  const changed = await call('PUT', '/engine-rest/user/probeself/credentials', { user: 'probeself',
    json: { password: 'Probe#Self2027', authenticatedUserPassword: PASSWORD } });
  assert.equal(changed.status, 204, JSON.stringify(changed.body));
});

test('3. supervisors see their own team\'s figures, managers no team\'s case counts', async () => {
  assert.equal((await call('GET', '/api/kpi?team=team2', { user: 'supervisor1' })).status, 403);
  assert.equal((await api('GET', '/api/kpi', { user: 'supervisor1' })).team, 'team1');
  assert.equal((await call('GET', '/api/reports/monthly?team=team2', { user: 'supervisor1' })).status, 403);
  clientError(await call('GET', '/engine-rest/process-definition/statistics', { user: 'manager1' }), 403, '统计');
});

test('3. supervisors read only their own team\'s case variables and history', async () => {
  const [theirs] = await api('GET', '/engine-rest/process-instance?variables=teamGroup_eq_team2&maxResults=1');
  const [own] = await api('GET', '/engine-rest/process-instance?variables=teamGroup_eq_team1&maxResults=1');
  assert.ok(theirs && own);
  assert.equal((await call('GET', `/engine-rest/process-instance/${theirs.id}/variables`, { user: 'supervisor1' })).status, 403);
  assert.equal((await call('GET', `/engine-rest/process-instance/${own.id}/variables`, { user: 'supervisor1' })).status, 200);
  assert.deepEqual(await api('GET', `/engine-rest/process-instance?businessKey=${theirs.businessKey}`, { user: 'supervisor1' }), []);
  assert.deepEqual(await api('GET', `/engine-rest/history/variable-instance?processInstanceId=${theirs.id}`, { user: 'supervisor1' }), []);
});

test('4. the session and CSRF cookies carry one SameSite, Strict', async () => {
  const cookies = await tasklistLogin('manager1');
  for (const name of ['JSESSIONID', 'XSRF-TOKEN']) {
    const lines = cookies.filter(c => c.startsWith(name + '='));
    assert.ok(lines.length > 0, name);
    for (const line of lines) {
      assert.equal(line.toLowerCase().split('samesite').length, 2, line);
      assert.match(line, /SameSite=Strict/i);
    }
  }
});

test('5. mistakes get a 4xx with a Chinese message, not a 500', async () => {
  clientError(await call('POST', '/engine-rest/user/create', { json: { profile: { id: 'probeweak' },
    credentials: { password: '123456' } } }), 400, '密码');
  clientError(await call('POST', '/engine-rest/migration/execute', { json: {} }), 400, '迁移计划');
  clientError(await call('POST', '/engine-rest/user/create', { json: { profile: { id: 'probe-bad-id' },
    credentials: { password: PASSWORD } } }), 400, '用户名');
  const [teamTasks] = await api('GET', `/engine-rest/filter?name=${encodeURIComponent('本组任务')}`, { user: 'manager1' });
  clientError(await call('POST', `/engine-rest/filter/${teamTasks.id}/list`, { user: 'manager1',
    json: { candidateUser: 'manager1' } }), 400, '查询条件');
  const [team1Task] = await api('GET', '/engine-rest/task?maxResults=1', { user: 'manager1' });
  // a task the caller may not read is answered as a missing one (404, TaskAccess), a delete included
  const missing = await call('DELETE', '/engine-rest/task/no-such-task', { user: 'manager5' });
  clientError(missing, 404, '任务');
  if (team1Task) {
    const theirs = await call('DELETE', `/engine-rest/task/${team1Task.id}`, { user: 'manager5' });
    assert.deepEqual([theirs.status, theirs.body], [missing.status, missing.body]);
  }
});

test('6. a long file of bad rows gets a report with counts per reason and 1,000 rows', async () => {
  const rows = ['customer_no,name,service_no,network,segment,star_level,payment_type,balance,arrears_months,line_status,manager'];
  for (let i = 0; i < 1500; i++) {
    rows.push(`PRB${i},,13300001111,CDMA,,5,POSTPAID,-8,2,ACTIVE,manager1`);
  }
  const form = new FormData();
  form.append('file', new Blob([rows.join('\n') + '\n'], { type: 'text/csv' }), 'probe.csv');
  const report = await api('POST', '/api/customers/import', { user: 'billing', form });
  assert.equal(report.rejectedCount, 1500);
  assert.equal(report.rejected.length, 1000);
  assert.deepEqual(report.rejectedByReason, { '缺少姓名/name': 1500 });
});

test('7. the JSON APIs forbid sniffing and storing', async () => {
  for (const [user, path] of [['manager1', '/engine-rest/task?maxResults=1'], ['supervisor1', '/api/kpi']]) {
    const response = await fetch(BASE + path, { headers: {
      Authorization: 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64') } });
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    assert.match(response.headers.get('cache-control'), /no-store/, path);
  }
});

test('9. an administrator cannot store a filter that runs other expressions', async () => {
  const answer = await call('POST', '/engine-rest/filter/create', { json: { resourceType: 'Task', name: 'probe-filter',
    query: { assigneeExpression: "${''.getClass().forName('java.lang.Runtime')}" } } });
  clientError(answer, 400, '过滤器');
  const ours = await call('POST', '/engine-rest/filter/create', { json: { resourceType: 'Task', name: 'probe-good-filter',
    query: { dueBeforeExpression: '${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}' } } });
  assert.equal(ours.status, 200, JSON.stringify(ours.body));
  await api('DELETE', `/engine-rest/filter/${ours.body.id}`);
});

test('1. an address with 30 failed logins is refused until it has not failed for a while (20 s in e2e)', async () => {
  let answer;
  for (let attempt = 0; attempt < 31; attempt++) {
    answer = await call('GET', '/engine-rest/task/count', { user: `nobody-${attempt}`, password: 'Wrong#Pass2026' });
    if (answer.status === 429) {
      break;
    }
  }
  assert.equal(answer.status, 429);
  clientError(answer, 429, '登录失败次数过多');
  assert.equal((await call('GET', '/engine-rest/task/count', { user: 'billing' })).status, 429);
  await new Promise(resolve => setTimeout(resolve, 21_000));
  assert.equal((await call('GET', '/engine-rest/task/count', { user: 'billing' })).status, 200);
});
