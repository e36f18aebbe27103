// Issue #30 against the desk of e2e/run: manager3's and manager1's plans for the month as workbooks (manager5 refused),
// and the supervisors' daily digest read from the test mail server after the clock passes 20:30 on a working
// day. node --test runs the files in name order: after inbound.test.mjs, before reminders.test.mjs stops the mail sink.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { BASE, PASSWORD, api, call, eventually, mails } from '../lib/desk.mjs';

const TIMEOUT = { timeout: 240_000 };

/** The rows of a workbook's first sheet as arrays of strings (python3's zipfile; no package needed). */
function sheetRows(xlsx) {
  const file = path.join(os.tmpdir(), `desk-e2e-plan-${process.pid}.xlsx`);
  fs.writeFileSync(file, xlsx);
  const script = `
import json, re, sys, zipfile
from xml.etree import ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
shared = [''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])) for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns)] if 'xl/sharedStrings.xml' in z.namelist() else []
rows = []
for row in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter('{%s}row' % ns['m']):
    cells = []
    for c in row.findall('m:c', ns):
        v = c.find('m:v', ns); t = c.find('m:is/m:t', ns)
        cells.append(shared[int(v.text)] if c.get('t') == 's' else (t.text if t is not None else (v.text if v is not None else '')))
    rows.append(cells)
print(json.dumps(rows, ensure_ascii=False))
`;
  try {
    return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** The desk's date and time in Shanghai for an instant: ['2026-12-03', '20:03']. */
function shanghai(instant) {
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' })
    .format(new Date(instant));
  return text.split(' ');
}

test('9. a manager fetches her plan for the month, with her customers in arrears and agreements ending; another team\'s manager may not (issue #30)', TIMEOUT, async () => {
  const [day] = shanghai((await api('GET', '/api/e2e/clock')).now);
  const month = day.substring(0, 7);
  const response = await fetch(`${BASE}/api/plans/${month}?manager=manager3`, {
    headers: { Authorization: 'Basic ' + Buffer.from(`manager3:${PASSWORD}`).toString('base64') }
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /spreadsheetml/);
  assert.match(response.headers.get('content-disposition'), new RegExp(`plan-manager3-${month}\\.xlsx`));
  const rows = sheetRows(Buffer.from(await response.arrayBuffer()));
  assert.deepEqual(rows[0], ['客户编号', '客户姓名', '服务号码', '工作项', '说明', '备注']);
  // E2E0003 of desk.test.mjs (journey 1c): manager3's, two months in arrears, its agreement ending in 30 days
  const e2e0003 = rows.filter(row => row[0] === 'E2E0003').map(row => row[3]);
  assert.deepEqual(e2e0003.sort(), ['到期保有', '欠费提醒'].sort(), JSON.stringify(rows));
  // manager1's: E2E0002 of desk.test.mjs, postpaid and two months in arrears
  const own = await fetch(`${BASE}/api/plans/${month}`, {
    headers: { Authorization: 'Basic ' + Buffer.from(`manager1:${PASSWORD}`).toString('base64') }
  });
  assert.equal(own.status, 200);
  const manager1 = sheetRows(Buffer.from(await own.arrayBuffer()));
  assert.ok(manager1.some(row => row[0] === 'E2E0002' && row[3] === '欠费提醒'), JSON.stringify(manager1));
  const refused = await call('GET', `/api/plans/${month}?manager=manager1`, { user: 'manager5' });
  assert.equal(refused.status, 403);
  assert.match(refused.body.message, /无权查看 manager1 的工作计划/);
});

test('10. at 20:30 on a working day each supervisor gets the team\'s digest by e-mail (issue #30)', TIMEOUT, async () => {
  const now = new Date((await api('GET', '/api/e2e/clock')).now);
  // the next 20:30 (Shanghai) on a weekday after now
  let at = new Date(`${shanghai(now)[0]}T20:30:00+08:00`);
  while (at <= now || [0, 6].includes(new Date(at.getTime() + 8 * 3600_000).getUTCDay())) {
    at = new Date(at.getTime() + 86_400_000);
  }
  const day = shanghai(at)[0];
  await api('POST', '/api/e2e/clock', { json: { to: new Date(at.getTime() + 60_000).toISOString() } });
  const digest = await eventually(`supervisor1's digest of ${day}`, async () =>
    mails().find(m => m.subject === `【保有日报】电话经理一组 ${day}`), { timeout: 120_000 });
  assert.match(digest.to, /supervisor1@/);
  const kpi = await api('GET', `/api/kpi?from=${day}&to=${day}&team=team1`, { user: 'supervisor1' });
  const calls = kpi.managers.reduce((sum, m) => sum + m.calls, 0);
  const text = Buffer.from(digest.text.split(/\r\n\r\n/).slice(1).join('\r\n\r\n').replace(/\s+/g, ''), 'base64').toString('utf8');
  assert.match(text, new RegExp(`合计: 外呼 ${calls}, `), text);
  assert.ok(mails().some(m => m.subject === `【保有日报】电话经理二组 ${day}`), 'supervisor2 gets team2\'s');
});
