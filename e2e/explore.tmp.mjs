import { BASE, api, call, eventually, inBrowser, login, shot } from './lib/desk.mjs';
const step = process.argv[2] || 'list';
if (step === 'scan') {
  for (const scan of ['ArrearsScanProcess', 'ExpiryScanProcess']) {
    await api('POST', `/engine-rest/process-definition/key/${scan}/start`, { json: { variables: { force: { value: true, type: 'Boolean' } } } });
  }
  await new Promise(r => setTimeout(r, 8000));
  console.log((await api('GET', '/engine-rest/task?maxResults=200')).map(t => `${t.id} ${t.name} ${t.assignee} ${t.due} ${t.taskDefinitionKey}`).join('\n'));
  process.exit(0);
}
await inBrowser('explore', async page => {
  page.on('console', m => console.log('console:', m.type(), m.text()));
  page.on('pageerror', e => console.log('pageerror:', e.message));
  await login(page, 'tasklist', process.argv[3] || 'manager1');
  await page.waitForTimeout(4000);
  await shot(page, 'x-start');
  await page.locator('.task-filter h4.name a', { hasText: '本组任务' }).click();
  await page.waitForTimeout(3000);
  await shot(page, 'x-team');
  await page.locator('li.task h4 a').first().click();
  await page.waitForTimeout(4000);
  await shot(page, 'x-task');
  const text = await page.evaluate(() => document.body.innerText);
  console.log(text.match(/[A-Za-z][A-Za-z./-]*/g)?.join(' '));
  console.log('title', await page.title());
});
