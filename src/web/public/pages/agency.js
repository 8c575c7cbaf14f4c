import { getJson, h, refusal, table } from '../dom.js';
import { lang, locale, t } from '../i18n.js';
import { stageLabel } from '../stages.js';
import { provinceOf } from '../user.js';

// Public: connectors grouped by the agency that leads them (from the appendix); no rollout data without sign-in.
async function catalogGrouping(main) {
  const { body: catalog } = await getJson('/api/connectors');
  const byAgency = new Map();
  for (const c of catalog) for (const a of c.lead) byAgency.set(a, [...(byAgency.get(a) ?? []), c]);
  const rows = [...byAgency.entries()].sort((a, b) => a[0].localeCompare(b[0], 'vi')).map(([agency, list]) =>
    h('tr', {}, h('td', {}, agency), h('td', {}, list.length),
      h('td', {}, list.map((c) => h('div', {}, h('a', { href: `/ket-noi/${c.id}` }, `${c.stt}. ${c.name}`))))));
  main.append(table([t('agency'), t('connectorCount'), t('connectors')], rows, t('agencyTitle')));
}

const missingOf = (row) => (row.gates ?? []).filter((g) => !g.passed).flatMap((g) => g.missing.map((m) => (lang === 'en' ? m.en : m.vi)));

export async function render(main, _params, user) {
  if (!user || (user.role !== 'agency' && user.role !== 'so-admin')) {
    main.append(h('h1', {}, t('agencyTitle')));
    if (user) return main.append(refusal(403, { needUser: t('needUser'), forbidden: t('forbidden'), signInUser: t('signInUser') }));
    main.append(refusal(401, { needUser: t('needUser'), forbidden: t('forbidden'), signInUser: t('signInUser') }));
    return catalogGrouping(main);
  }
  const province = await provinceOf(user);
  main.append(h('h1', {}, user.role === 'agency' ? user.name : t('agencyTitle')), h('h2', {}, t('myConnectors')));
  const { status, body } = await getJson(`/api/rollout/provinces/${province}/rows`);
  if (status !== 200) return main.append(refusal(status, { needUser: t('needUser'), forbidden: t('forbidden'), signInUser: t('signInUser') }));
  // One detail read per row for its gate results (what evidence is still missing).
  const details = await Promise.all(body.rows.map((r) => getJson(`/api/rollout/provinces/${province}/rows/${r.connector}`).then((x) => x.body ?? r)));
  main.append(table([t('stt'), t('system'), t('stage'), t('lead'), t('deadline'), t('daysLate'), t('missingEvidence')],
    details.map((r) => h('tr', { 'data-row': r.connector },
      h('td', {}, r.stt),
      h('th', { scope: 'row' }, h('a', { href: `/don-vi/${r.connector}` }, r.name)),
      h('td', {}, stageLabel(r.stage, lang), r.blocked ? h('div', { class: 'status-bad' }, `⛔ ${r.blocked.reason}`) : null),
      h('td', {}, r.lead.map((a) => a.name).join('; ')),
      h('td', {}, new Date(r.deadline).toLocaleDateString(locale())),
      h('td', { class: r.overdue ? 'status-bad' : '' }, r.daysLate || ''),
      h('td', {}, h('ul', { class: 'compact' }, missingOf(r).map((m) => h('li', {}, m)))))), t('myConnectors')));
}
