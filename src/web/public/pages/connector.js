import { getJson, h, table } from '../dom.js';
import { lang, t } from '../i18n.js';
import { authHeader, devSession } from '../session.js';
import { provinceOf } from '../user.js';
import { healthBlock } from './agency-row.js';

function requestFor(op, example) {
  let url = op.path;
  const query = { ...(example.query ?? {}) };
  url = url.replace(/\{([A-Za-z0-9_]+)\}/g, (_, k) => {
    const v = query[k];
    delete query[k];
    return encodeURIComponent(v);
  });
  const qs = new URLSearchParams(query).toString();
  return { url: qs ? `${url}?${qs}` : url, body: example.body };
}

function operationBlock(c, op) {
  const editor = h('textarea', { rows: 8, cols: 60, id: `ex-${op.name}`, 'aria-label': `${t('example')} ${op.name}` },
    JSON.stringify(op.example.body ?? op.example.query ?? {}, null, 2));
  const scenario = h('select', { id: `sc-${op.name}`, 'aria-label': t('scenario') },
    h('option', { value: '' }, t('none')), c.scenarios.map((s) => h('option', { value: s.name }, s.name)));
  const out = h('pre', { 'aria-live': 'polite', id: `out-${op.name}` });
  const run = async () => {
    let input;
    try {
      input = JSON.parse(editor.value);
    } catch (e) {
      out.textContent = String(e);
      return;
    }
    const example = op.method === 'GET' ? { query: input } : { body: input };
    const req = requestFor(op, example);
    out.textContent = '…';
    const headers = { ...authHeader(), ...(scenario.value ? { 'x-mock-scenario': scenario.value } : {}), ...(req.body ? { 'content-type': 'application/json' } : {}) };
    const started = performance.now();
    const res = await fetch(req.url, { method: op.method, headers, body: req.body ? JSON.stringify(req.body) : undefined });
    const text = await res.text();
    let pretty = text;
    try { pretty = JSON.stringify(JSON.parse(text), null, 2); } catch { /* not JSON */ }
    out.textContent = `HTTP ${res.status} · ${Math.round(performance.now() - started)} ms\n${pretty}`;
  };
  const signedIn = !!devSession();
  return h('section', { class: 'card', 'aria-labelledby': `op-${op.name}` },
    h('h3', { id: `op-${op.name}` }, h('code', {}, op.name), ' — ', lang === 'en' && op.summaryEn ? op.summaryEn : op.summary),
    h('p', {}, h('strong', {}, op.method), ' ', h('code', {}, op.path), op.soapAction ? h('span', { class: 'tag' }, `SOAPAction ${op.soapAction}`) : null),
    h('p', {}, `${t('schemas')}: `, h('a', { href: `/schemas/${op.requestSchema}` }, t('request')), ' · ', h('a', { href: `/schemas/${op.responseSchema}` }, t('response'))),
    h('label', { for: `ex-${op.name}` }, t('example')), editor,
    h('div', { class: 'filters' },
      h('div', {}, h('label', { for: `sc-${op.name}` }, t('scenario')), scenario),
      h('button', { type: 'button', class: 'primary', onclick: run, disabled: !signedIn, 'data-try': op.name }, t('tryIt'))),
    signedIn ? null : h('p', { class: 'muted' }, t('needSignIn')),
    out);
}

export async function render(main, [id], user) {
  const { status, body: c } = await getJson(`/api/connectors/${id}`);
  if (status !== 200) {
    main.append(h('h1', {}, id), h('p', { class: 'notice', role: 'alert' }, c?.error?.message ?? String(status)), h('a', { href: '/ket-noi' }, t('back')));
    return;
  }
  main.append(
    h('p', {}, h('a', { href: '/ket-noi' }, `← ${t('back')}`)),
    h('h1', {}, `${c.stt}. ${c.name}`),
    h('p', {}, `${t('owner')}: ${c.owner} · ${t('lead')}: ${c.lead.join('; ')}${c.coordinating.length ? ` · ${t('coordinating')}: ${c.coordinating.join('; ')}` : ''}`),
    h('p', {}, c.kinds.map((k) => h('span', { class: 'tag' }, k)), c.soap ? h('a', { href: c.soap.wsdl, class: 'tag' }, 'WSDL') : null),
    h('h2', {}, t('purposes')),
    h('ol', {}, c.purposes.map((p) => h('li', {}, p.text, ' ', p.operations.map((o) => h('a', { href: `#op-${o}`, class: 'tag' }, o))))),
    h('h2', {}, t('scenarios')),
    table([t('scenario'), ''], c.scenarios.map((s) => h('tr', {}, h('td', {}, h('code', {}, s.name)), h('td', {}, lang === 'en' && s.descriptionEn ? s.descriptionEn : s.description)))),
    h('h2', {}, t('operations')),
    ...c.operations.map((op) => operationBlock(c, op)),
  );
  // Health/uptime comes from the rollout row: only for users the API lets read that row.
  if (user) {
    const province = await provinceOf(user);
    const { status, body: row } = await getJson(`/api/rollout/provinces/${province}/rows/${id}`);
    if (status === 200) main.append(h('h2', {}, t('health')), h('p', {}, `${t('stage')}: `, h('a', { href: `/don-vi/${id}` }, row.stageLabel)), healthBlock(row.health));
  }
  if (devSession()) {
    const { body } = await getJson(`/api/journal?connector=${encodeURIComponent(id)}&limit=10`, { headers: authHeader() });
    main.append(h('h2', {}, t('recentTraffic')),
      table([t('time'), 'operation', t('status'), t('duration')], (body?.entries ?? []).map((e) =>
        h('tr', {}, h('td', {}, new Date(e.time).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN')), h('td', {}, e.operation), h('td', {}, e.status), h('td', {}, e.durationMs))))); 
  }
}
