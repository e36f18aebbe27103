// 保有工作台 in Tasklist (issue #21): what a phone manager needs on the desk that Tasklist 7.24 does not offer.
// Loaded as a custom script (scripts/config.js); it works on the page Tasklist renders, and asks the engine's
// REST API (with the session and its CSRF token) and the desk's /api only for what it shows.
//  - counts on every filter of the sidebar, refreshed every few seconds
//  - on each task card: the exact due time (Asia/Shanghai), the star level instead of the priority, names
//    family name first, and a mark on call tasks outside calling hours
//  - taking a task over from a colleague asks first, and sets the assignee in one step (the desk leaves a
//    comment naming both, see tasklist.TakeOverTrail)
//  - notices do not cover 保存/完成 and go away; completing a task says so
//  - form-js's English texts in Chinese

const ENGINE = (document.querySelector('base')?.getAttribute('engine-api') || '/camunda/api/engine/') + 'engine/default';
const APP_ROOT = document.querySelector('base')?.getAttribute('app-root') || '/camunda';
const ZONE = 'Asia/Shanghai';
const COUNT_EVERY_MS = 5000;
const NOTICE_MS = 8000;

// --- talking to the engine and the desk -------------------------------------------------------------

function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : undefined;
}

async function call(method, url, body) {
  const headers = { Accept: 'application/json' };
  const token = csrfToken();
  if (token) {
    headers['X-XSRF-TOKEN'] = token;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch (e) {
    parsed = { message: text };
  }
  if (!response.ok) {
    throw new Error((parsed && parsed.message) || String(response.status));
  }
  return parsed;
}

let me = null;
async function currentUser() {
  if (!me) {
    me = await call('GET', `${APP_ROOT}/api/admin/auth/user/default`);
  }
  return me;
}

// --- small helpers -----------------------------------------------------------------------------------

const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: ZONE, month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hour12: false });

/** 12-03 18:00, in Shanghai time whatever the browser's zone. */
function exactTime(value) {
  const parts = Object.fromEntries(TIME.formatToParts(new Date(value)).map(p => [p.type, p.value]));
  return `${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Changes a text only when it differs: this script watches the page and would otherwise wake itself. */
function setText(node, text) {
  if (node.textContent !== text) {
    node.textContent = text;
  }
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** The AngularJS scope of an element of Tasklist's page (the task of a card), if Angular is reachable. */
function scopeOf(node) {
  const angular = window.angular;
  return angular && angular.element(node).scope ? angular.element(node).scope() : null;
}

/** "芳 王" (first name, family name, as Tasklist writes names) becomes 王芳; Latin names stay as they are. */
const HAN = /^\p{Script=Han}+$/u;
function chineseName(text) {
  const parts = text.trim().split(/\s+/);
  return parts.length === 2 && HAN.test(parts[0]) && HAN.test(parts[1]) ? parts[1] + parts[0] : null;
}

function fixNames(root) {
  root.querySelectorAll('h5.assignee, li.assignee .inline-value, li.assignee span, .navbar .user-name, [cam-widget-header] .dropdown-toggle')
    .forEach(node => {
      node.childNodes.forEach(child => {
        if (child.nodeType === Node.TEXT_NODE && child.textContent.trim()) {
          const name = chineseName(child.textContent);
          if (name) {
            child.textContent = ' ' + name + ' ';
          }
        }
      });
    });
}

// user ids (the history tab shows who commented as "manager1") written as names
let names = null;
let namesAsked = 0;
async function loadNames() {
  namesAsked = Date.now();
  try {
    const users = await call('GET', `${ENGINE}/user?maxResults=2000`);
    names = new Map(users.map(u => [u.id, `${u.lastName || ''}${u.firstName || ''}` || u.id]));
  } catch (e) {
    names = null;
  }
}

function fixUserIds(root) {
  if (!names) {
    return;
  }
  root.querySelectorAll('.history-pane').forEach(history => {
    const walker = document.createTreeWalker(history, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const name = names.get(node.textContent.trim());
      if (name) {
        node.textContent = name;
      }
    }
  });
}

// --- notices -----------------------------------------------------------------------------------------

function toasts() {
  let box = document.getElementById('desk-toasts');
  if (!box) {
    box = el('div');
    box.id = 'desk-toasts';
    document.body.appendChild(box);
  }
  return box;
}

function toast(text, kind = 'success') {
  const note = el('div', `desk-toast desk-toast-${kind}`, text);
  note.setAttribute('role', 'status');
  toasts().appendChild(note);
  setTimeout(() => note.remove(), NOTICE_MS);
}

/** Tasklist's own notices (errors stay until closed): they go away after a while and at the next action. */
function ageNotices() {
  document.querySelectorAll('.notifications .alert, [cam-notifications] .alert').forEach(alert => {
    if (!alert.dataset.deskSeen) {
      alert.dataset.deskSeen = String(Date.now());
      setTimeout(() => dismiss(alert), NOTICE_MS);
    }
  });
}

function dismiss(alert) {
  const close = alert.querySelector('.close, button[aria-label]');
  if (close && alert.isConnected) {
    close.click();
  }
  if (alert.isConnected) {
    alert.remove();
  }
}

document.addEventListener('click', event => {
  const button = event.target.closest('.form-actions button, button.claim, a.reset-assignee');
  if (button) {
    document.querySelectorAll('.notifications .alert, [cam-notifications] .alert').forEach(dismiss);
  }
}, true);

// completing a task: Tasklist says nothing, the desk says 任务已完成
const COMPLETED = /\/task\/[^/]+\/(submit-form|complete)$/;
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (method === 'POST' && COMPLETED.test(String(url).split('?')[0])) {
    const taskName = document.querySelector('.task-details h2, [cam-tasklist-task] h2')?.textContent?.trim();
    this.addEventListener('load', () => {
      if (this.status >= 200 && this.status < 300) {
        toast(taskName ? `任务已完成: ${taskName}` : '任务已完成');
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

// --- taking a task over from a colleague ------------------------------------------------------------

function taskIdOfView() {
  const hash = window.location.hash;
  const match = /[?&]task=([^&]+)/.exec(hash) || /[?&]task=([^&]+)/.exec(window.location.search);
  return match ? decodeURIComponent(match[1]) : null;
}

function confirmDialog(title, text, confirmLabel) {
  return new Promise(resolve => {
    const backdrop = el('div', 'desk-modal-backdrop');
    const dialog = el('div', 'desk-modal');
    dialog.setAttribute('role', 'dialog');
    dialog.append(el('h4', '', title), el('p', '', text));
    const actions = el('div', 'desk-modal-actions');
    const cancel = el('button', 'btn btn-default', '取消');
    const ok = el('button', 'btn btn-primary', confirmLabel);
    actions.append(cancel, ok);
    dialog.append(actions);
    backdrop.append(dialog);
    document.body.append(backdrop);
    const done = answer => {
      backdrop.remove();
      resolve(answer);
    };
    cancel.addEventListener('click', () => done(false));
    ok.addEventListener('click', () => done(true));
    ok.focus();
  });
}

document.addEventListener('click', async event => {
  const reset = event.target.closest('a.reset-assignee');
  if (!reset) {
    return;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  const taskId = taskIdOfView();
  const holderNode = reset.closest('li.assignee');
  const holder = chineseName(holderNode?.innerText || '') || (holderNode?.innerText || '').trim() || '同事';
  const taskName = document.querySelector('.task-details h2, [cam-tasklist-task] h2')?.textContent?.trim() || '此任务';
  const yes = await confirmDialog('接手任务', `“${taskName}”目前由 ${holder} 处理。确定由您接手吗? 任务将从 ${holder} 的任务中移走,并在任务评论中留下记录。`, '接手');
  if (!yes || !taskId) {
    return;
  }
  try {
    const user = await currentUser();
    await call('POST', `${ENGINE}/task/${encodeURIComponent(taskId)}/assignee`, { userId: user.userId });
    toast(`已接手: ${taskName}`);
    const root = window.angular && window.angular.element(document.body).injector
      ? window.angular.element(document.body).injector().get('$rootScope') : null;
    if (root) {
      root.$broadcast('refresh');
    }
    setTimeout(() => window.location.reload(), 300);
  } catch (error) {
    toast(`接手失败: ${error.message}`, 'error');
  }
}, true);

// --- sidebar counts ----------------------------------------------------------------------------------

async function refreshCounts() {
  if (document.hidden || !document.querySelector('.task-filter')) {
    return;
  }
  let filters;
  try {
    filters = await call('GET', `${ENGINE}/filter?resourceType=Task&itemCount=true`);
  } catch (e) {
    return;
  }
  const byName = new Map(filters.map(f => [f.name.trim(), f.itemCount]));
  document.querySelectorAll('.task-filter h4.name a').forEach(link => {
    const name = [...link.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('').trim();
    if (!byName.has(name)) {
      return;
    }
    let badge = link.querySelector('.desk-count');
    if (!badge) {
      badge = el('span', 'desk-count');
      link.appendChild(badge);
    }
    setText(badge, String(byName.get(name)));
  });
}

// --- task cards --------------------------------------------------------------------------------------

let callingHours = null;
let callingHoursAsked = 0;
// only once logged in: without a session the desk's /api asks for HTTP Basic, and the browser would prompt
async function refreshCallingHours() {
  if (!document.querySelector('.task-filter')) {
    return;
  }
  callingHoursAsked = Date.now();
  try {
    callingHours = await call('GET', '/api/calling-hours');
  } catch (e) {
    callingHours = null;
  }
}

function isCallTask(task) {
  return task && task.taskDefinitionKey && !task.taskDefinitionKey.startsWith('Task_Escalation');
}

function decorateCard(card) {
  const task = scopeOf(card)?.task;
  const due = card.querySelector('.due-date');
  if (due && task && task.due) {
    let exact = card.querySelector('.desk-due');
    if (!exact) {
      exact = el('span', 'desk-due');
      due.after(exact);
    }
    setText(exact, `到期时间 ${exactTime(task.due)}`);
  }
  // the priority (always 50) says nothing; the customer's star level does
  const stars = (task?._embedded?.variable || []).find(v => v.name === 'starLevel')?.value;
  const title = card.querySelector('h4.task');
  if (stars && title) {
    let badge = card.querySelector('.desk-stars');
    if (!badge) {
      badge = el('span', 'desk-stars');
      title.appendChild(badge);
    }
    setText(badge, `${stars}星客户`);
  }
  let mark = card.querySelector('.desk-offhours');
  const offHours = callingHours && !callingHours.callingNow && isCallTask(task);
  if (offHours && !mark) {
    mark = el('div', 'desk-offhours', `非通话时段: 请在 ${exactTime(callingHours.nextCallingTime)} 后再拨打`);
    mark.title = `通话时段: ${callingHours.hours} (Asia/Shanghai)`;
    card.querySelector('.names')?.after(mark);
  } else if (!offHours && mark) {
    mark.remove();
  }
}

// --- the customer's page from every task (issue 28) --------------------------------------------------

// a read-only page of the customer's profile, cases, contacts and spend (/desk/customer.html, GET /api/customers/{no})
const customerOfTask = new Map();
function linkCustomer() {
  const taskId = taskIdOfView();
  const heading = document.querySelector('.task-details h2, [cam-tasklist-task] h2');
  if (!taskId || !heading) {
    return;
  }
  let link = document.querySelector('a.desk-customer-link');
  if (link && link.dataset.task === taskId) {
    return;
  }
  if (!customerOfTask.has(taskId)) {
    customerOfTask.set(taskId, null);
    call('GET', `${ENGINE}/task/${encodeURIComponent(taskId)}/variables/customerNo`)
      .then(variable => {
        customerOfTask.set(taskId, variable && variable.value ? String(variable.value) : '');
        onChange();
      })
      .catch(() => customerOfTask.set(taskId, ''));
    return;
  }
  const customerNo = customerOfTask.get(taskId);
  if (!customerNo) {
    link?.remove();
    return;
  }
  if (!link) {
    link = el('a', 'desk-customer-link', '');
    link.target = '_blank';
    link.rel = 'noopener';
    heading.after(link);
  }
  link.dataset.task = taskId;
  link.href = `${APP_ROOT.replace(/\/camunda$/, '')}/desk/customer.html?customerNo=${encodeURIComponent(customerNo)}`;
  setText(link, `客户资料 ${customerNo}(只读,新窗口)`);
}

// --- form-js's English -------------------------------------------------------------------------------

const FORM_TEXTS = new Map([
  ['Field is required.', '此项为必填项。'],
  ['Select', '请选择'],
  ['Search', '搜索'],
  ['No results', '无匹配项'],
  ['Field must have minimum length of', '长度不能少于'],
  ['Field must have maximum length of', '长度不能超过'],
  ['Field must match pattern', '格式不符合要求'],
  ['Field must be a valid number.', '请输入有效的数字。'],
  ['Date', '日期'],
  ['Time', '时间']
]);

function translateForm(root) {
  root.querySelectorAll('.fjs-container').forEach(form => {
    const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (FORM_TEXTS.has(text)) {
        node.textContent = node.textContent.replace(text, FORM_TEXTS.get(text));
      } else {
        for (const [english, chinese] of FORM_TEXTS) {
          if (english.startsWith('Field must') && text.startsWith(english)) {
            node.textContent = text.replace(english, chinese).replace(/\.$/, '');
          }
        }
      }
    }
    form.querySelectorAll('[placeholder]').forEach(input => {
      const chinese = FORM_TEXTS.get(input.getAttribute('placeholder'));
      if (chinese) {
        input.setAttribute('placeholder', chinese);
      }
    });
  });
}

// the date pickers (Tasklist's follow-up and due dates, form-js's date fields) name months and days in English
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const DAYS = { Sun: '日', Mon: '一', Tue: '二', Wed: '三', Thu: '四', Fri: '五', Sat: '六', Su: '日', Mo: '一',
  Tu: '二', We: '三', Th: '四', Fr: '五', Sa: '六', previous: '上一页', next: '下一页', Today: '今天', Clear: '清除',
  Close: '关闭' };

function calendarText(text) {
  const trimmed = text.trim();
  if (DAYS[trimmed]) {
    return DAYS[trimmed];
  }
  const monthYear = /^([A-Z][a-z]+)(?:\s+(\d{4}))?$/.exec(trimmed);
  if (monthYear && MONTHS.includes(monthYear[1])) {
    const month = `${MONTHS.indexOf(monthYear[1]) + 1}月`;
    return monthYear[2] ? `${monthYear[2]}年${month}` : month;
  }
  return null;
}

function translateCalendars(root) {
  root.querySelectorAll('[uib-datepicker], .uib-datepicker-popup, .flatpickr-calendar').forEach(calendar => {
    const walker = document.createTreeWalker(calendar, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const chinese = calendarText(node.textContent);
      if (chinese) {
        node.textContent = chinese;
      }
    }
    calendar.querySelectorAll('option').forEach(option => {
      const chinese = calendarText(option.textContent);
      if (chinese) {
        option.textContent = chinese;
      }
    });
  });
  root.querySelectorAll('[uib-timepicker] input[placeholder]').forEach(input => {
    const chinese = { HH: '时', MM: '分', SS: '秒' }[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
  root.querySelectorAll('.fjs-container input[placeholder]').forEach(input => {
    if (/^[ymdhM/:\s-]+$/.test(input.getAttribute('placeholder'))) {
      input.setAttribute('placeholder', input.getAttribute('placeholder').replace(/y+/, '年').replace(/m+/, '月')
        .replace(/d+/, '日'));
    }
  });
}

// --- wiring ------------------------------------------------------------------------------------------

let scheduled = false;
function onChange() {
  if (scheduled) {
    return;
  }
  scheduled = true;
  requestAnimationFrame(() => {
    scheduled = false;
    if (document.querySelector('.task-filter') && Date.now() - callingHoursAsked > 60_000) {
      refreshCallingHours().then(onChange);
    }
    document.querySelectorAll('li.task').forEach(decorateCard);
    fixNames(document);
    if (document.querySelector('.task-filter') && !names && Date.now() - namesAsked > 60_000) {
      loadNames().then(onChange);
    }
    fixUserIds(document);
    translateForm(document);
    translateCalendars(document);
    linkCustomer();
    ageNotices();
    const powered = document.querySelector('footer[cam-widget-footer] a[href*="camunda"]');
    if (powered) {
      setText(powered, 'Camunda');
    }
    const version = document.querySelector('footer[cam-widget-footer] .version');
    if (version) {
      setText(version, version.textContent.replace(/^v/, ''));
    }
    if (document.title !== '保有工作台') {
      document.title = '保有工作台';
    }
  });
}

new MutationObserver(onChange).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
setInterval(refreshCounts, COUNT_EVERY_MS);
setTimeout(refreshCounts, 1500);
document.addEventListener('visibilitychange', refreshCounts);

export default [];
