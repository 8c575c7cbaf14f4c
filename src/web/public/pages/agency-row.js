import { getJson, h, refusal, send, table, when } from '../dom.js';
import { lang, locale, t } from '../i18n.js';
import { STAGES, stageLabel } from '../stages.js';
import { provinceOf } from '../user.js';

const text = (v) => (v === undefined || v === null ? '' : typeof v === 'string' ? stageLabel(v, lang) : JSON.stringify(v));
const errText = (r) => {
  const e = r.body?.error;
  if (!e) return String(r.status);
  const missing = (e.details?.missing ?? []).map((m) => (lang === 'en' ? m.en : m.vi));
  return [lang === 'en' ? e.messageEn : e.message, ...missing].join(' — ');
};

function moveForm(base, row, after) {
  const to = h('select', { id: 'move-to' }, STAGES.map(([id]) => h('option', { value: id, selected: id === row.stage }, stageLabel(id, lang))));
  const reason = h('input', { id: 'move-reason', minlength: 3, maxlength: 1000 });
  const msg = h('p', { role: 'status', id: 'move-msg' });
  return h('form', { class: 'card', 'aria-labelledby': 'move-h', onsubmit: async (e) => {
    e.preventDefault();
    const r = await send(`${base}/moves`, 'POST', { to: to.value, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) });
    msg.className = r.ok ? 'status-ok' : 'status-bad';
    msg.textContent = r.ok ? `${t('moved')}: ${stageLabel(r.body.row.stage, lang)}` : errText(r);
    if (r.ok) after(msg.textContent);
  } },
  h('h2', { id: 'move-h' }, t('moveTo')),
  h('div', { class: 'filters' },
    h('div', {}, h('label', { for: 'move-to' }, t('stage')), to),
    h('div', {}, h('label', { for: 'move-reason' }, t('reason')), reason),
    h('button', { type: 'submit', class: 'primary', id: 'move-submit' }, t('move')),
    h('button', { type: 'button', class: 'secondary', id: 'check-gate', onclick: async () => {
      const r = await send(`${base}/checks`, 'POST', {});
      msg.className = r.ok && r.body.passed ? 'status-ok' : 'status-bad';
      msg.textContent = !r.ok ? errText(r) : r.body.passed ? t('gatePassed') : r.body.missing.map((m) => (lang === 'en' ? m.en : m.vi)).join(' — ');
    } }, t('checkGate'))),
  msg);
}

function evidenceForm(base, after) {
  const txt = h('textarea', { id: 'evidence-text', rows: 3, maxlength: 2000, required: true });
  const url = h('input', { id: 'evidence-url', type: 'url', placeholder: 'https://' });
  const msg = h('p', { role: 'status', id: 'evidence-msg' });
  return h('form', { class: 'card', 'aria-labelledby': 'ev-h', onsubmit: async (e) => {
    e.preventDefault();
    const r = await send(`${base}/evidence`, 'POST', { text: txt.value.trim(), ...(url.value.trim() ? { url: url.value.trim() } : {}) });
    msg.className = r.ok ? 'status-ok' : 'status-bad';
    msg.textContent = r.ok ? t('attached') : errText(r);
    if (r.ok) after(msg.textContent);
  } },
  h('h2', { id: 'ev-h' }, t('attach')),
  h('div', {}, h('label', { for: 'evidence-text' }, t('evidenceText')), txt),
  h('div', {}, h('label', { for: 'evidence-url' }, t('evidenceUrl')), url),
  h('p', {}, h('button', { type: 'submit', class: 'primary', id: 'evidence-submit' }, t('attach'))), msg);
}

function healthBlock(health) {
  if (!health?.checks) return h('p', { class: 'muted', id: 'health' }, t('noHealth'));
  return h('p', { id: 'health' }, `${t('health')}: `, h('strong', {}, `${health.uptime}%`), ` · ${t('checks')}: ${health.checks} · ${t('lastCheck')}: ${when(health.lastAt, locale())} `,
    h('span', { class: health.lastOk ? 'status-ok' : 'status-bad' }, health.lastOk ? 'OK' : health.lastDetail ?? '✗'));
}
export { healthBlock };

export async function render(main, [connector], user, flash) {
  if (!user) return main.append(h('h1', {}, t('rowDetail')), refusal(401, { needUser: t('needUser'), forbidden: t('forbidden'), signInUser: t('signInUser') }));
  const province = await provinceOf(user);
  const base = `/api/rollout/provinces/${province}/rows/${connector}`;
  const [{ status, body: row }, audit] = await Promise.all([getJson(base), getJson(`${base}/audit?limit=50`)]);
  if (status !== 200) {
    main.append(h('h1', {}, t('rowDetail')), refusal(status === 401 ? 401 : 403, { needUser: t('needUser'), forbidden: t('forbidden'), signInUser: t('signInUser') }),
      h('a', { href: '/don-vi' }, t('back')));
    return;
  }
  // After a change the page is read again; the confirmation stays on top (a live region).
  const reload = async (message) => { main.replaceChildren(); await render(main, [connector], user, message); main.querySelector('#flash')?.focus(); };
  const missing = (row.gates ?? []).filter((g) => !g.passed);
  const mayWrite = user.role === 'so-admin' || user.role === 'agency';
  main.append(
    h('p', {}, h('a', { href: user.role === 'agency' ? '/don-vi' : '/so' }, `← ${t('back')}`)),
    h('h1', {}, `${row.stt}. ${row.name}`),
    h('p', { id: 'flash', role: 'status', tabindex: -1, class: flash ? 'status-ok' : '' }, flash ?? ''),
    h('div', { class: 'cards' },
      h('div', { class: 'card', id: 'row-stage' }, h('div', { class: 'n' }, stageLabel(row.stage, lang)), h('div', {}, `${t('stageSince')} ${when(row.stageSince, locale())}`)),
      h('div', { class: 'card' }, h('div', { class: 'n' }, new Date(row.deadline).toLocaleDateString(locale())), h('div', { class: row.overdue ? 'status-bad' : '' }, row.overdue ? `${t('overdue')}: ${row.daysLate}` : t('deadline')))),
    h('p', {}, `${t('lead')}: ${row.lead.map((a) => a.name).join('; ')}`, row.coordinating.length ? ` · ${t('coordinating')}: ${row.coordinating.map((a) => a.name).join('; ')}` : ''),
    row.blocked ? h('p', { class: 'status-bad' }, `⛔ ${t('blocked')}: ${row.blocked.reason}`) : null,
    row.note || row.assignmentNote ? h('p', {}, h('strong', {}, `${t('notes')}: `), [row.note, row.assignmentNote].filter(Boolean).join(' · ')) : null,
    row.simulated ? h('p', {}, h('a', { href: `/ket-noi/${connector}` }, t('open'))) : null,
    healthBlock(row.health),
    h('h2', {}, t('missingEvidence')),
    missing.length
      ? h('ul', { id: 'missing' }, missing.flatMap((g) => g.missing.map((m) => h('li', {}, h('span', { class: 'tag' }, `${t('gate')} ${stageLabel(g.target, lang)}`), lang === 'en' ? m.en : m.vi))))
      : h('p', { class: 'muted', id: 'missing' }, '—'),
    h('h2', {}, t('evidence')),
    h('ul', { id: 'evidence-list' }, row.evidence.map((e) => h('li', {}, `${when(e.at, locale())} · ${e.by}: ${e.text} `, e.url ? h('a', { href: e.url, rel: 'noopener noreferrer' }, e.url) : null))),
    mayWrite ? h('div', { class: 'grid2' }, moveForm(base, row, reload), evidenceForm(base, reload)) : null,
    h('h2', {}, t('history')),
    table([t('time'), t('who'), t('action'), t('stage'), t('reason')], (audit.body?.entries ?? []).map((a) => h('tr', {},
      h('td', {}, when(a.at, locale())), h('td', {}, `${a.by} (${a.role})`), h('td', {}, a.action),
      h('td', {}, a.from !== undefined ? `${text(a.from)} → ${text(a.to)}` : text(a.to)), h('td', {}, a.reason ?? '')))));
}
