// 保有看板: the supervisors' KPI dashboard on Cockpit's start page (plugin point cockpit.dashboard).
// Reads GET /api/kpi with the Cockpit session (supervisors and administrators only).

const OUTCOMES = {
  PAID: '已缴费', UNPAID: '未缴费', SUSPENDED: '转停机', RETAINED: '保有成功', WON_BACK: '挽留成功',
  UPGRADED: '已升级', DECLINED: '拒绝', UNREACHABLE: '联系不上', LOST: '流失', EXPIRED: '到期', CANCELLED: '取消'
};

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function percent(value) {
  return value === null || value === undefined ? '-' : (value * 100).toFixed(1) + '%';
}

// birthday greetings recorded / due: the target is 100%, anything below it shows red
function greetingRate(value) {
  return value === null || value === undefined ? '-'
    : el('span', value < 1 ? { 'data-greeting-rate': 'below', style: 'color: #d9534f; font-weight: bold' } : { 'data-greeting-rate': 'met' },
      percent(value));
}

function yuan(value) {
  return '¥' + Number(value || 0).toFixed(2);
}

function table(headers, rows) {
  return el('table', { class: 'table table-bordered table-condensed', 'data-kpi-table': '' },
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(row => el('tr', {}, row.map(cell => el('td', {}, cell))))));
}

function iso(date) {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().substring(0, 10);
}

function period(kind) {
  const today = new Date();
  if (kind === 'week') {
    const monday = new Date(today);
    monday.setDate(today.getDate() - ((today.getDay() + 6) % 7));
    const sunday = new Date(monday);
    sunday.setDate(monday.getDate() + 6);
    return [iso(monday), iso(sunday)];
  }
  const first = new Date(today.getFullYear(), today.getMonth(), 1);
  const last = new Date(today.getFullYear(), today.getMonth() + 1, 0);
  return [iso(first), iso(last)];
}

// Cockpit hands in api.engineApi as '<context path>/camunda/api/engine/engine/default'; the desk's own
// /api and the Tasklist links of /api/kpi are relative to the context path in front of '/camunda/api/'.
function deskRoot(engineApi) {
  const at = engineApi.indexOf('/camunda/api/');
  return at >= 0 ? engineApi.substring(0, at) : '';
}

// 用户资料 (issue 28): CDMA 普1 customers' five basics, complete (target 80%) and verified (target 100%), today
function versus(value, target) {
  if (value === null || value === undefined) {
    return '-';
  }
  const met = value >= target;
  return el('span', { class: met ? 'text-success' : 'text-danger', title: '目标 ' + percent(target) },
    percent(value) + (met ? ' ✔ 达标' : ' ✘ 未达标(目标 ' + percent(target) + ')'));
}

function profileSection(kpi) {
  const p = kpi.profile;
  if (!p) {
    return [];
  }
  const rows = [[el('strong', {}, kpi.team ? '班组合计' : '全部班组'), p.tier1Customers,
    versus(p.completeness, p.completenessTarget), versus(p.verifiedRate, p.verifiedRateTarget)]]
    .concat((kpi.managers || []).filter(m => m.profile).map(m => [el('span', { title: m.managerId, 'data-profile': m.managerId }, m.name),
      m.profile.tier1Customers, versus(m.profile.completeness, m.profile.completenessTarget),
      versus(m.profile.verifiedRate, m.profile.verifiedRateTarget)]));
  return [el('h4', {}, '用户资料(CDMA普1五项基本资料,当前)'),
    table(['', '普1客户', '完备率(目标80%)', '真实性/已核实(目标100%)'], rows)];
}

// 近12周趋势 (issue 30): one line per case type, weeks left to right, 0-100%; gaps where a week had nothing
const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#b5152b', '#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
  children.forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function trendChart(title, weeks, series, pick) {
  const width = 640, height = 220, left = 40, right = 30, top = 10, bottom = 30;
  const x = i => left + (weeks.length < 2 ? 0 : i * (width - left - right) / (weeks.length - 1));
  const y = v => top + (1 - v) * (height - top - bottom);
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title,
    'data-trend': title });
  [0, 0.5, 1].forEach(v => chart.append(svg('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: '#ddd' }),
    svg('text', { x: 2, y: y(v) + 4, 'font-size': 11, fill: '#666' }, (v * 100) + '%')));
  weeks.forEach((week, i) => {
    if (i % 2 === 0 || i === weeks.length - 1) {
      chart.append(svg('text', { x: x(i) - 14, y: height - 10, 'font-size': 11, fill: '#666' }, week.substring(5)));
    }
  });
  series.forEach((s, n) => {
    const color = COLORS[n % COLORS.length];
    let path = '';
    pick(s).forEach((v, i) => {
      if (v === null || v === undefined) {
        return;
      }
      path += (path && pick(s)[i - 1] !== null && pick(s)[i - 1] !== undefined ? ' L' : ' M') + x(i) + ' ' + y(v);
      chart.append(svg('circle', { cx: x(i), cy: y(v), r: 2.5, fill: color },
        svg('title', {}, `${s.label} ${weeks[i]} 起一周: ${percent(v)}`)));
    });
    if (path) {
      chart.append(svg('path', { d: path.trim(), fill: 'none', stroke: color, 'stroke-width': 2 }));
    }
  });
  const legend = el('p', { class: 'retention-kpi-legend' }, series.map((s, n) =>
    el('span', { style: `color:${COLORS[n % COLORS.length]};margin-right:1em` }, '● ' + s.label)));
  return el('div', { class: 'retention-kpi-trend' }, el('h5', {}, title), chart, legend);
}

function trendSection(trend) {
  if (!trend.caseTypes.length) {
    return [el('h4', {}, '近' + trend.weeks.length + '周趋势'), el('p', {}, '近期没有结案和通话')];
  }
  return [el('h4', {}, '近' + trend.weeks.length + '周趋势(按周,周一至周日)'),
    trendChart('保有率', trend.weeks, trend.caseTypes, s => s.retentionRate),
    trendChart('接通率', trend.weeks, trend.caseTypes, s => s.reachRate)];
}

function render(node, api) {
  const engineApi = api && api.engineApi ? api.engineApi : '/camunda/api/engine/engine/default';
  const root = deskRoot(engineApi);
  const from = el('input', { type: 'date', name: 'from' });
  const to = el('input', { type: 'date', name: 'to' });
  const team = el('select', { name: 'team' }, el('option', { value: '' }, '全部班组'));
  const kind = el('select', { name: 'period' },
    el('option', { value: 'month' }, '本月'), el('option', { value: 'week' }, '本周'), el('option', { value: 'custom' }, '自定义'));
  const result = el('div', { class: 'retention-kpi-result' }, '加载中…');
  [from.value, to.value] = period('month');

  kind.addEventListener('change', () => {
    if (kind.value !== 'custom') {
      [from.value, to.value] = period(kind.value);
      load();
    }
  });
  [from, to, team].forEach(input => input.addEventListener('change', () => {
    if (input !== team) {
      kind.value = 'custom';
    }
    load();
  }));

  // administrators choose any team or all; a supervisor sees their own team(s) only, the first at once
  const json = url => fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(response => response.ok ? response.json() : Promise.reject(response.status));
  const teamsLoaded = json(root + '/api/kpi/teams')
    .then(scope => json(engineApi + '/group?type=TEAM').then(groups => {
      const names = new Map(groups.map(g => [g.id, g.name || g.id]));
      if (!scope.all) {
        team.textContent = '';
      }
      (scope.all ? groups.map(g => g.id) : scope.teams)
        .forEach(id => team.append(el('option', { value: id }, names.get(id) || id)));
    }))
    .catch(() => {});

  function load() {
    const query = new URLSearchParams({ from: from.value, to: to.value });
    if (team.value) {
      query.set('team', team.value);
    }
    result.textContent = '加载中…';
    fetch(root + '/api/kpi?' + query, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => response.json().then(body => ({ ok: response.ok, body })))
      .then(({ ok, body }) => {
        result.textContent = '';
        if (!ok) {
          result.append(el('p', { class: 'text-danger' }, body.message || '无法读取保有看板'));
          return;
        }
        show(body);
        const trend = el('div', { class: 'retention-kpi-trends' }, '趋势加载中…');
        result.append(trend);
        const trendQuery = new URLSearchParams({ weeks: '12' });
        if (team.value) {
          trendQuery.set('team', team.value);
        }
        json(root + '/api/kpi/trend?' + trendQuery)
          .then(body => {
            trend.textContent = '';
            trend.append(...trendSection(body));
          })
          .catch(() => {
            trend.textContent = '无法读取趋势';
          });
      })
      .catch(error => {
        result.textContent = '无法读取保有看板: ' + error;
      });
  }

  function show(kpi) {
    (kpi.warnings || []).forEach(warning => result.append(el('p', { class: 'alert alert-warning' }, warning)));
    result.append(el('h4', {}, '按案件类型'),
      table(['案件类型', '新开', '未结', '已结', '结案结果', '保有率', '首次联系(小时,中位数)'],
        kpi.caseTypes.map(t => [t.label, t.opened, t.openNow, t.closed,
          Object.entries(t.outcomes).map(([o, n]) => (OUTCOMES[o] || o) + ' ' + n).join(', ') || '-',
          percent(t.retentionRate), t.medianHoursToFirstContact === null ? '-' : t.medianHoursToFirstContact])));
    result.append(el('h4', {}, '欠费回收'),
      table(['开案时欠费', '已回收', '回收率'],
        [[yuan(kpi.arrears.amountOwed), yuan(kpi.arrears.amountRecovered), percent(kpi.arrears.recoveryRate)]]));
    result.append(el('h4', {}, '电话经理'),
      table(['电话经理', '外呼', '接通', '接通率', '结案', '按时完成', '逾期完成', '未完成任务', '已逾期', '生日祝福率'],
        kpi.managers.map(m => [el('span', { title: m.managerId, 'data-manager': m.managerId }, m.name), m.calls, m.reached, percent(m.connectionRate),
          m.closed, m.tasksOnTime, m.tasksLate, m.openTasks, m.overdueTasks, greetingRate(m.birthdayGreetingRate)])));
    result.append(el('h4', {}, '来电与满意度(绩效考核)'),
      table(['电话经理', '来电:经理接听', '前台接听后已回电', '前台接听未回电', '满意度回访', '平均分(1-5)'],
        kpi.managers.map(m => [el('span', { title: m.managerId, 'data-inbound': m.managerId }, m.name),
          m.inbound.taken, m.inbound.calledBack,
          m.inbound.missed > 0 ? el('span', { class: 'text-danger' }, String(m.inbound.missed)) : 0,
          m.survey.responses, m.survey.averageScore === null ? '-' : m.survey.averageScore.toFixed(2)])));
    result.append(...profileSection(kpi));
    result.append(el('h4', {}, '今日请假(新任务归班组)'),
      (kpi.away || []).length === 0 ? el('p', {}, '今日无人请假')
        : table(['电话经理', '开始', '结束', '原因'],
          kpi.away.map(a => [el('span', { title: a.managerId, 'data-away': a.managerId }, a.name), a.from, a.to, a.reason || '-'])));
    result.append(el('h4', {}, '待处理的升级(最早的在前)'),
      kpi.escalations.length === 0 ? el('p', {}, '没有待处理的升级')
        : table(['任务', '客户', '处理人', '升级时间'],
          kpi.escalations.map(e => [el('a', { href: root + e.link, target: '_blank' }, e.taskName), e.customerNo,
            e.assigneeName || e.assignee || '-', e.created.replace('T', ' ').substring(0, 16)])));
  }

  node.append(el('section', { class: 'retention-kpi' },
    el('h3', {}, '保有看板'),
    el('div', { class: 'form-inline' }, '区间 ', kind, ' ', from, ' 至 ', to, ' 班组 ', team),
    result));
  teamsLoaded.then(load);
}

const HAN = /^\p{Script=Han}+$/u;

// Cockpit in Chinese to its edges: the browser title, the user's name family name first in the header
// (周建国, not "建国 周", as Tasklist's desk.js does) and the footer's product line (the header's app name
// comes from config.js); the footer keeps "Camunda" and the version number.
function tidyChrome() {
  document.querySelectorAll('[cam-widget-header] .dropdown-toggle').forEach(node => node.childNodes.forEach(child => {
    const parts = child.nodeType === Node.TEXT_NODE ? child.textContent.trim().split(/\s+/) : [];
    if (parts.length === 2 && HAN.test(parts[0]) && HAN.test(parts[1])) {
      child.textContent = ' ' + parts[1] + parts[0] + ' ';
    }
  }));
  if (!document.title.startsWith('保有工作台')) {
    document.title = '保有工作台 · 监控';
  }
  const powered = document.querySelector('footer a[href*="camunda"]');
  if (powered && powered.textContent.trim() !== 'Camunda') {
    powered.textContent = 'Camunda';
  }
  const version = document.querySelector('footer .version');
  if (version && /^v/.test(version.textContent)) {
    version.textContent = version.textContent.replace(/^v/, '');
  }
}
new MutationObserver(tidyChrome).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

export default {
  id: 'retention-desk.kpi',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node, { api }) => render(node, api)
};
