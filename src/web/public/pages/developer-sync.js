import { getJson, h, table, when } from '../dom.js';
import { lang, locale, t } from '../i18n.js';
import { authHeader } from '../session.js';

// Status sync for the signed-in sandbox client (its bearer token): webhooks, dead letters with replay, dossier timelines.
const call = (url, method = 'GET', body) => getJson(url, {
  method, headers: { ...authHeader(), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
});
const errText = (r) => (r.body?.error ? `${lang === 'en' ? r.body.error.messageEn : r.body.error.message}${r.body.error.field ? ` (${r.body.error.field})` : ''}` : String(r.status));

function webhooks() {
  const list = h('div', { id: 'webhooks' });
  const url = h('input', { id: 'webhook-url', type: 'url', placeholder: 'https://…', size: 40, required: true });
  // 1: one event per request; more: {"events": [...]} batches (README "Status sync").
  const batch = h('input', { id: 'webhook-batch', type: 'number', min: 1, max: 50, step: 1, value: 1, style: 'width:6em' });
  const msg = h('p', { role: 'status', id: 'webhook-msg' });
  const load = async () => {
    const r = await call('/api/webhooks');
    const items = r.body?.items ?? [];
    list.replaceChildren(items.length ? table(['id', t('webhookUrl'), t('connectors'), t('batchSize'), ''], items.map((s) => h('tr', { 'data-sub': s.id },
      h('td', {}, h('code', {}, s.id)), h('td', {}, s.url), h('td', {}, s.connectors.length ? s.connectors.join(', ') : t('all')), h('td', {}, String(s.batchSize ?? 1)),
      h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: async () => { await call(`/api/webhooks/${s.id}`, 'DELETE'); load(); } }, t('remove')))))) : h('p', { class: 'muted' }, t('noData')));
  };
  const form = h('form', { class: 'filters', onsubmit: async (e) => {
    e.preventDefault();
    const size = Number(batch.value);
    const r = await call('/api/webhooks', 'POST', { url: url.value.trim(), ...(size > 1 ? { batchSize: size } : {}) });
    msg.className = r.ok ? 'status-ok' : 'status-bad';
    // The generated secret is shown once, here.
    msg.textContent = r.ok ? `${r.body.id}${r.body.secret ? ` · secret: ${r.body.secret}` : ''}` : errText(r);
    load();
  } }, h('div', {}, h('label', { for: 'webhook-url' }, t('webhookUrl')), url), h('div', {}, h('label', { for: 'webhook-batch' }, t('batchSize')), batch),
  h('button', { type: 'submit', class: 'primary' }, t('subscribe')));
  load();
  return h('section', { 'aria-labelledby': 'wh-h' }, h('h2', { id: 'wh-h' }, t('webhooks')), form, msg, list);
}

function deadLetters() {
  const list = h('div', { id: 'dead-letters' });
  const msg = h('p', { role: 'status', id: 'replay-msg' });
  const replay = async (body) => {
    const r = await call('/api/webhooks/dead-letters/replay', 'POST', body);
    msg.className = r.ok ? 'status-ok' : 'status-bad';
    msg.textContent = r.ok ? `${t('replayed')}: ${r.body.lanes} / ${r.body.deliveries}` : errText(r);
    load();
  };
  const load = async () => {
    const items = (await call('/api/webhooks/dead-letters')).body?.items ?? [];
    list.replaceChildren(items.length ? table([t('connectors'), 'maHoSo', 'seq', t('attempts'), t('error'), t('time'), ''], items.map((d) => h('tr', { 'data-lane': d.laneId },
      h('td', {}, d.connectorId), h('td', {}, h('code', {}, d.maHoSo)), h('td', {}, d.seqs.join(', ')), h('td', {}, d.attempts), h('td', { class: 'status-bad' }, d.error),
      h('td', {}, when(d.deadAt, locale())), h('td', {}, h('button', { type: 'button', class: 'primary', 'data-replay': d.laneId, onclick: () => replay({ laneId: d.laneId }) }, t('replay')))))) : h('p', { class: 'muted' }, t('noData')));
  };
  load();
  return h('section', { 'aria-labelledby': 'dl-h' }, h('h2', { id: 'dl-h' }, t('deadLetters')), msg, list);
}

const STATE_CLASS = { delivered: 'status-ok', pending: 'status-warn', dead: 'status-bad' };

async function showTimeline(box, connectorId, maHoSo) {
  const r = await call(`/api/dashboard/dossiers/${connectorId}/${encodeURIComponent(maHoSo)}/timeline`);
  if (!r.ok) return box.replaceChildren(h('p', { class: 'status-bad', role: 'alert' }, errText(r)));
  const tl = r.body;
  box.replaceChildren(h('h3', {}, `${t('timeline')} · `, h('code', {}, maHoSo), ` (DVCQG: ${tl.dvcqgStatus ?? '—'})`),
    h('ol', { class: 'timeline', id: 'timeline' }, tl.entries.map((e) => h('li', {},
      h('strong', {}, `${e.from ?? '∅'} → ${e.to}`), ` · ${when(e.at, locale())} · ${e.by}`, e.note ? ` · ${e.note}` : '',
      h('div', {}, e.deliveries.map((d) => h('span', { class: `tag ${STATE_CLASS[d.state]}` }, `webhook ${d.subscriptionId.slice(0, 8)}: ${t(d.state)}${d.deliveredAt ? ` · ${when(d.deliveredAt, locale())}` : ''}`)),
        h('span', { class: `tag ${e.dvcqg ? 'status-ok' : 'status-warn'}` }, e.dvcqg ? `${t('syncedDvcqg')} ${e.dvcqg.kind} · ${when(e.dvcqg.at, locale())}` : t('notSynced')))))));
}

function dossiers() {
  const list = h('div', { id: 'dossiers' });
  const box = h('div', { 'aria-live': 'polite' });
  (async () => {
    const items = (await call('/api/dashboard/dossiers')).body?.items ?? [];
    list.replaceChildren(items.length ? table([t('connectors'), 'maHoSo', t('status'), t('time'), ''], items.map((d) => h('tr', { 'data-dossier': d.maHoSo },
      h('td', {}, d.connectorId), h('td', {}, h('code', {}, d.maHoSo)), h('td', {}, d.status), h('td', {}, when(d.updatedAt, locale())),
      h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => showTimeline(box, d.connectorId, d.maHoSo) }, t('timeline')))))) : h('p', { class: 'muted' }, t('noData')));
  })();
  return h('section', { 'aria-labelledby': 'ds-h' }, h('h2', { id: 'ds-h' }, t('dossiers')), list, box);
}

export async function sandboxSections() {
  return [webhooks(), deadLetters(), dossiers()];
}
