// 客户情况: a tab of Cockpit's process instance view (plugin point cockpit.processInstance.runtime.tab) that shows a
// supervisor the case behind the instance: customer, manager and the brief as the call forms show it. Since issue
// 32 these live on the case and customer rows, not in process variables; GET /api/cases/by-process/{id}.

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
  children.flat().forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return node;
}

// the desk's own /api is relative to the context path in front of '/camunda/api/'
function deskRoot(engineApi) {
  const at = (engineApi || '').indexOf('/camunda/api/');
  return at >= 0 ? engineApi.substring(0, at) : '';
}

function render(node, { api, processInstanceId }) {
  const root = deskRoot(api && api.engineApi);
  node.replaceChildren(el('p', {}, '正在读取案件…'));
  fetch(`${root}/api/cases/by-process/${encodeURIComponent(processInstanceId)}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(answer => answer.ok ? answer.json() : Promise.reject(answer.status))
    .then(c => node.replaceChildren(el('div', { 'data-case-brief': '' },
      el('table', { class: 'table table-bordered table-condensed' }, el('tbody', {},
        el('tr', {}, el('th', {}, '案件'), el('td', {}, `${c.label} #${c.caseId}${c.open ? '' : ' (已结案)'}`)),
        el('tr', {}, el('th', {}, '客户'), el('td', {},
          el('a', { href: `${root}/desk/customer.html?customerNo=${encodeURIComponent(c.customerNo)}` },
            `${c.customerName} (${c.customerNo})`), `  ${c.starLevel}星  ${c.serviceNo}`)),
        el('tr', {}, el('th', {}, '电话经理'), el('td', {}, c.managerName)))),
      el('pre', { style: 'white-space: pre-wrap' }, c.brief || '无'))))
    .catch(status => node.replaceChildren(el('p', {},
      status === 404 ? '此流程实例不是保有案件。' : `案件读取失败 (${status})。`)));
}

export default {
  id: 'retention-desk.case-brief',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 20,
  properties: { label: '客户情况' },
  render
};
