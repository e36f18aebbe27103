// What the journeys share: the desk's address, its HTTP APIs, Debian's chromium with a fresh profile
// per journey, the webapps' login, screenshots, and the mail the SMTP sink stored.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE = process.env.E2E_BASE_URL || 'http://127.0.0.1:18080';
export const OUT = process.env.E2E_OUT || fileURLToPath(new URL('../../target/e2e', import.meta.url));
export const PASSWORD = process.env.E2E_PASSWORD || 'Retention#2026';
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';

// Without the background-networking flags chromium keeps calling Google's services, which this closed
// network refuses; QUIC, sync and component updates likewise.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'];

/** Calls the desk's /api or /engine-rest with HTTP Basic; answers the parsed JSON, throws on an error status. */
export async function api(method, pathname, { user = 'admin', json, form } = {}) {
  const answer = await call(method, pathname, { user, json, form });
  if (!answer.ok) {
    throw new Error(`${method} ${pathname} as ${user}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/** As {@link api}, but answers {ok, status, body} whatever the status. */
export async function call(method, pathname, { user = 'admin', json, form } = {}) {
  const headers = {
    Authorization: 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64'),
    Accept: 'application/json'
  };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
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

/** Polls until probe() answers something truthy (and answers it), or fails after the timeout. */
export async function eventually(what, probe, { timeout = 60_000, interval = 1_000 } = {}) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) {
      throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}${last ? ': ' + last.message : ''}`);
    }
    await new Promise(resolve => setTimeout(resolve, interval));
  }
}

let screenshots = 0;
const STARTED = Date.now();

/** A screenshot of the page (or of one element) to target/e2e/NN-name.png. */
export async function shot(page, name, element) {
  screenshots += 1;
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${String(screenshots).padStart(2, '0')}-${name}.png`);
  await (element ?? page).screenshot({ path: file });
  console.log(`  [${((Date.now() - STARTED) / 1000).toFixed(1)} s] ${path.basename(file)}`);
  return file;
}

/**
 * Runs a journey in its own chromium (fresh --user-data-dir, Chinese, Shanghai time) and closes it;
 * a failing journey leaves a screenshot of where it stood. With {now}, the browser's clock starts at
 * that time (the desk's, after the test clock moved it), so "due in" and "this month" agree with it.
 */
export async function inBrowser(name, journey, { now } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1400, height: 900 }
  });
  context.setDefaultTimeout(30_000);
  if (now) {
    await context.clock.install({ time: new Date(now) });
  }
  const page = context.pages()[0] ?? await context.newPage();
  try {
    await journey(page);
  } catch (error) {
    await shot(page, `FAILED-${name}`).catch(() => {});
    throw error;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Logs in to a webapp (tasklist, cockpit, admin) through its Chinese login form. */
export async function login(page, app, user) {
  await page.goto(`${BASE}/camunda/app/${app}/default/`, { waitUntil: 'networkidle' });
  const name = page.getByPlaceholder('用户名');
  const password = page.getByPlaceholder('密码');
  // the login form may still be wiring itself up (autofocus): type again until both fields hold what we typed
  await eventually('the login form to take the credentials', async () => {
    await name.fill(user);
    await password.fill(PASSWORD);
    return await name.inputValue() === user && await password.inputValue() === PASSWORD;
  }, { timeout: 15_000, interval: 500 });
  await page.getByRole('button', { name: '登录' }).click();
  await name.waitFor({ state: 'detached' });
}

/** The mail the SMTP sink stored, as {to, subject, text}, subjects decoded (RFC 2047). */
export function mails() {
  const folder = path.join(OUT, 'mail');
  if (!fs.existsSync(folder)) {
    return [];
  }
  return fs.readdirSync(folder).filter(f => f.endsWith('.eml')).sort().map(file => {
    const text = fs.readFileSync(path.join(folder, file), 'latin1');
    const head = text.split(/\r\n\r\n/)[0].replace(/\r\n[ \t]+/g, ' ');
    const header = name => (head.match(new RegExp(`^${name}: (.*)$`, 'mi')) || [])[1] || '';
    return { file, to: header('X-Envelope-To'), subject: decodeWords(header('Subject')), text };
  });
}

function decodeWords(value) {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_, charset, kind, data) => {
    const bytes = kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (m, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
    return new TextDecoder(charset).decode(bytes);
  });
}

/**
 * The English words a page shows (text, title, placeholders), less the allow-list of issue #21: digits, phone
 * and customer numbers, CDMA, PHS, SMS, Asia/Shanghai, and Camunda in the footer only.
 */
export async function englishWords(page) {
  const { body, footer } = await page.evaluate(() => {
    const foot = document.querySelector('footer');
    const parts = [document.title];
    document.querySelectorAll('body *').forEach(node => {
      if (node.childNodes.length && !node.closest('footer') && !['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(node.tagName)) {
        node.childNodes.forEach(child => {
          if (child.nodeType === Node.TEXT_NODE && node.checkVisibility && node.checkVisibility()) {
            parts.push(child.textContent);
          }
        });
      }
    });
    document.querySelectorAll('input[placeholder], textarea[placeholder]').forEach(input => {
      if (input.checkVisibility()) {
        parts.push(input.getAttribute('placeholder'));
      }
    });
    document.querySelectorAll('input:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea').forEach(input => {
      if (input.checkVisibility()) {
        parts.push(input.value);
      }
    });
    return { body: parts.join('\n'), footer: foot ? foot.innerText : '' };
  });
  const words = text => (text
    .replace(/Asia\/Shanghai/g, ' ')
    .replace(/\b[A-Z0-9]*\d[A-Z0-9]*\b/g, ' ')
    .match(/[A-Za-z]+/g) || [])
    .filter(word => !['CDMA', 'PHS', 'SMS'].includes(word));
  return [...words(body), ...words(footer).filter(word => word !== 'Camunda')];
}
