// 客户短信: an administrator reads a customer's SMS (status, parts, error code) and opt-out on Admin's
// start page (plugin point admin.dashboard.section). Without an SMS centre this is where the demo's SMS
// are (the local gateway keeps them). Reads GET /api/admin/sms?customerNo= with the Admin session.

const CATEGORIES = { SERVICE: '服务通知', CARE: '关怀', MARKETING: '营销' };

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

function time(value) {
  return value ? value.replace('T', ' ').substring(0, 16) : '-';
}

// Admin hands in api.adminApi/engineApi under '<context path>/camunda/api/'; the desk's /api sits in front
function deskRoot(api) {
  const base = (api && (api.engineApi || api.adminApi)) || '';
  const at = base.indexOf('/camunda/api/');
  return at >= 0 ? base.substring(0, at) : '';
}

function render(node, api) {
  const root = deskRoot(api);
  const number = el('input', { type: 'text', name: 'customerNo', class: 'form-control', placeholder: '客户编号,如 C1004' });
  const search = el('button', { type: 'submit', class: 'btn btn-default' }, '查询');
  const result = el('div', { class: 'customer-sms-result' });
  const form = el('form', { class: 'form-inline' }, number, ' ', search);

  form.addEventListener('submit', event => {
    event.preventDefault();
    const customerNo = number.value.trim();
    if (!customerNo) {
      result.textContent = '请输入客户编号';
      return;
    }
    result.textContent = '加载中…';
    fetch(root + '/api/admin/sms?customerNo=' + encodeURIComponent(customerNo),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => response.json().then(body => ({ ok: response.ok, body })))
      .then(({ ok, body }) => {
        result.textContent = '';
        if (!ok) {
          result.append(el('p', { class: 'text-danger' }, body.message || '无法读取短信'));
          return;
        }
        result.append(el('p', {}, `${body.customerNo}: 共 ${body.messages} 条短信; `,
          body.smsOptOutAt ? `已于 ${time(body.smsOptOutAt)} 退订 (${body.smsOptOutVia || '-'})` : '未退订'));
        // a dashboard tile is narrow: one block per message, its facts on a line and its text below
        result.append(el('ul', { class: 'list-unstyled', 'data-sms-list': '' }, body.sms.map(m => el('li',
          { 'data-sms-row': '', style: 'border-top: 1px solid #ddd; padding: 6px 0' },
          el('div', { class: 'text-muted' }, [time(m.createdAt), CATEGORIES[m.category] || m.category, m.recipient,
            m.statusLabel, `${m.parts || 1} 条`, m.smscError ? `错误码 ${m.smscError}` : null,
            m.settledAt ? `回执 ${time(m.settledAt)}` : null].filter(Boolean).join(' · ')),
          el('div', {}, m.text)))));
      })
      .catch(error => {
        result.textContent = '无法读取短信: ' + error;
      });
  });

  node.append(el('section', { class: 'customer-sms' }, form, result));
}

export default [{
  id: 'retention-desk.customer-sms',
  pluginPoint: 'admin.dashboard.section',
  priority: 0,
  properties: { label: '客户短信' },
  render: (node, { api }) => render(node, api)
}];
