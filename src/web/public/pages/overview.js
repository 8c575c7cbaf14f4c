import { fold, getJson, h, table } from '../dom.js';
import { t } from '../i18n.js';

export async function render(main) {
  const { body: catalog } = await getJson('/api/connectors');
  const kinds = [...new Set(catalog.flatMap((c) => c.kinds))].sort();
  const ops = catalog.reduce((n, c) => n + c.operations.length, 0);
  const q = h('input', { id: 'q', type: 'search', placeholder: t('searchHint') });
  const kind = h('select', { id: 'kind' }, h('option', { value: '' }, t('all')), kinds.map((k) => h('option', { value: k }, k)));
  const tbody = h('tbody');
  const draw = () => {
    const needle = fold(q.value.trim());
    const rows = catalog
      .filter((c) => !kind.value || c.kinds.includes(kind.value))
      .filter((c) => !needle || fold(`${c.name} ${c.owner} ${c.lead.join(' ')} ${c.id}`).includes(needle))
      .map((c) => h('tr', { 'data-connector': c.id },
        h('td', {}, c.stt),
        h('td', {}, h('a', { href: `/ket-noi/${c.id}` }, c.name)),
        h('td', {}, c.owner),
        h('td', {}, c.lead.join('; ')),
        h('td', {}, c.kinds.map((k) => h('span', { class: 'tag' }, k))),
        h('td', {}, c.protocol === 'both' ? 'REST + SOAP' : c.protocol.toUpperCase()),
        h('td', {}, c.operations.length)));
    tbody.replaceChildren(...rows);
  };
  q.addEventListener('input', draw);
  kind.addEventListener('change', draw);
  const t2 = table([t('stt'), t('system'), t('owner'), t('lead'), t('kinds'), t('protocol'), t('operations')], [], t('connectors'));
  t2.querySelector('tbody').replaceWith(tbody);
  main.append(
    h('h1', {}, t('overviewTitle')),
    h('div', { class: 'cards' },
      card(t('connectors'), catalog.length), card(t('operations'), ops),
      card(t('soapConnectors'), catalog.filter((c) => c.soap).length),
      card(t('statefulConnectors'), catalog.filter((c) => c.kinds.includes('dossier')).length)),
    h('div', { class: 'filters' },
      h('div', {}, h('label', { for: 'q' }, t('search')), q),
      h('div', {}, h('label', { for: 'kind' }, t('kind')), kind)),
    t2,
  );
  draw();
}

const card = (label, n) => h('div', { class: 'card' }, h('div', { class: 'n' }, n), h('div', {}, label));
