import { getJson, h, table } from '../dom.js';
import { t } from '../i18n.js';

// Connectors grouped by the agency that leads them (from the appendix), until sign-in per agency arrives.
export async function render(main) {
  const { body: catalog } = await getJson('/api/connectors');
  const byAgency = new Map();
  for (const c of catalog) for (const a of c.lead) byAgency.set(a, [...(byAgency.get(a) ?? []), c]);
  const rows = [...byAgency.entries()].sort((a, b) => a[0].localeCompare(b[0], 'vi')).map(([agency, list]) =>
    h('tr', {}, h('td', {}, agency), h('td', {}, list.length),
      h('td', {}, list.map((c) => h('div', {}, h('a', { href: `/ket-noi/${c.id}` }, `${c.stt}. ${c.name}`))))));
  main.append(h('h1', {}, t('agencyTitle')), table([t('agency'), t('connectorCount'), t('connectors')], rows, t('agencyTitle')));
}
