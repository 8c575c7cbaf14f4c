import { getJson, h, table, when } from '../dom.js';
import { lang, locale, t } from '../i18n.js';
import { authHeader, devSession, signIn, signOut } from '../session.js';
import { sandboxSections } from './developer-sync.js';

const statusClass = (s) => (s < 300 ? 'status-ok' : s < 500 ? 'status-warn' : 'status-bad');

function signInForm() {
  const id = h('input', { id: 'client-id', autocomplete: 'username', value: 'tthc-an-giang', required: true });
  const secret = h('input', { id: 'client-secret', type: 'password', autocomplete: 'current-password', required: true });
  const msg = h('p', { role: 'alert', class: 'status-bad' });
  const form = h('form', { class: 'card', onsubmit: async (e) => {
    e.preventDefault();
    const r = await signIn(id.value.trim(), secret.value);
    if (r.error) msg.textContent = `${t('signInFailed')}: ${lang === 'en' ? r.error.messageEn : r.error.message}`;
    else location.reload();
  } },
  h('div', {}, h('label', { for: 'client-id' }, t('clientId')), id),
  h('div', {}, h('label', { for: 'client-secret' }, t('clientSecret')), secret),
  h('p', {}, h('button', { type: 'submit', class: 'primary' }, t('signIn'))), msg);
  return form;
}

function journalTable(entries) {
  if (!entries.length) return h('p', { class: 'muted' }, t('noTraffic'));
  return table([t('time'), 'connector · operation', t('status'), t('duration'), t('scenario'), t('validation'), t('problems')],
    entries.map((e) => h('tr', { 'data-request-id': e.requestId },
      h('td', {}, new Date(e.time).toLocaleTimeString(locale())),
      h('td', {}, `${e.connector ?? '—'} · ${e.operation ?? '—'}`),
      h('td', { class: statusClass(e.status) }, e.status, e.errorCode ? ` ${e.errorCode}` : ''),
      h('td', {}, e.durationMs),
      h('td', {}, e.scenario ?? ''),
      h('td', {}, e.validation),
      h('td', {}, (e.problems ?? []).map((p) => h('div', {}, h('code', {}, p.field), `: ${lang === 'en' ? p.messageEn : p.message}`))))));
}

// A developer user (rollout sign-in) sees its sandbox clients and their journals without a client secret.
async function userClients(user) {
  if (!user) return null;
  const { status, body } = await getJson('/api/dev/clients');
  if (status !== 200 || !body.length) return null;
  const journals = devSession() ? [] : await Promise.all(body.map((c) => getJson(`/api/dev/clients/${encodeURIComponent(c.id)}/journal?limit=20`)));
  return h('section', { 'aria-labelledby': 'my-clients-h', id: 'my-clients' },
    h('h2', { id: 'my-clients-h' }, t('myClients')),
    table([t('clientId'), t('system'), t('scopes')], body.map((c) => h('tr', {}, h('td', {}, h('code', {}, c.id)), h('td', {}, c.name),
      h('td', {}, h('details', {}, h('summary', {}, `${c.scopes.length}`), c.scopes.map((s) => h('span', { class: 'tag' }, s))))))),
    // With a sandbox token the live journal below shows the same traffic: no second copy.
    devSession() ? null : body.map((c, i) => h('div', {}, h('h3', {}, `${t('journal')} · `, h('code', {}, c.id)), journalTable(journals[i].body?.entries ?? []))));
}

export async function render(main, _params, user) {
  main.replaceChildren(h('h1', {}, t('devTitle')));
  const mine = await userClients(user);
  if (mine) main.append(mine);
  const session = devSession();
  if (!session) {
    main.append(h('h2', {}, t('sandbox')), signInForm());
    return;
  }
  const { body: catalog } = await getJson('/api/connectors');
  const names = [...new Set(catalog.flatMap((c) => c.scenarios.map((s) => s.name)))];
  const sc = h('select', { id: 'client-scenario' }, names.map((n) => h('option', { value: n }, n)));
  const minutes = h('input', { id: 'scenario-minutes', type: 'number', min: 1, max: 1440, value: 10 });
  const scMsg = h('p', { role: 'status' });
  const journal = h('div', { id: 'journal' });
  const refresh = async () => {
    const { status, body } = await getJson('/api/journal?limit=50', { headers: authHeader() });
    if (status === 401) { signOut(); return location.reload(); }
    journal.replaceChildren(journalTable(body.entries));
  };
  main.append(
    h('div', { class: 'grid2' },
      h('section', { class: 'card' },
        h('p', {}, `${t('clientId')}: `, h('code', {}, session.clientId)),
        h('p', {}, `${t('tokenValid')}: ${when(new Date(session.exp).toISOString(), locale())}`),
        h('p', {}, `${t('scopes')}: `, session.scope.split(' ').map((s) => h('span', { class: 'tag' }, s))),
        h('button', { type: 'button', class: 'secondary', onclick: () => { signOut(); location.reload(); } }, t('signOut'))),
      h('section', { class: 'card' },
        h('h2', {}, t('clientScenario')),
        h('div', { class: 'filters' },
          h('div', {}, h('label', { for: 'client-scenario' }, t('scenario')), sc),
          h('div', {}, h('label', { for: 'scenario-minutes' }, t('minutes')), minutes),
          h('button', { type: 'button', class: 'primary', onclick: async () => {
            const until = new Date(Date.now() + Number(minutes.value) * 60_000).toISOString();
            const r = await getJson('/api/clients/me/scenario', { method: 'PUT', headers: { ...authHeader(), 'content-type': 'application/json' }, body: JSON.stringify({ name: sc.value, until }) });
            scMsg.textContent = r.ok ? `${t('scenarioSet')}: ${sc.value}` : (r.body?.error?.message ?? String(r.status));
          } }, t('apply')),
          h('button', { type: 'button', class: 'secondary', onclick: async () => {
            await fetch('/api/clients/me/scenario', { method: 'DELETE', headers: authHeader() });
            scMsg.textContent = t('scenarioCleared');
          } }, t('clear'))),
        scMsg)),
    h('h2', {}, t('journal')), journal,
    ...(await sandboxSections()));
  await refresh();
  const timer = setInterval(() => (document.body.contains(journal) ? refresh() : clearInterval(timer)), 3000);
}
