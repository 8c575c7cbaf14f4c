import { chartFigure, STAGE_COLOURS } from '../charts.js';
import { fold, getJson, h, refusal, send, table } from '../dom.js';
import { lang, locale, t } from '../i18n.js';
import { STAGES, stageLabel } from '../stages.js';
import { provinceOf, provincesOf } from '../user.js';

const card = (label, n, id) => h('div', { class: 'card', id }, h('div', { class: 'n' }, n), h('div', {}, label));

function matrixRow(r) {
  const at = STAGES.findIndex(([id]) => id === r.stage);
  return h('tr', { 'data-row': r.connector, class: r.overdue ? 'late' : undefined },
    h('td', {}, r.stt),
    h('th', { scope: 'row' }, h('a', { href: `/don-vi/${r.connector}` }, r.name)),
    h('td', {}, r.lead.map((a) => a.name).join('; ')),
    STAGES.map(([id], i) => h('td', { class: `stage-cell${i < at ? ' done' : i === at ? ' here' : ''}`, 'data-stage': id },
      i === at ? h('span', {}, '●', h('span', { class: 'sr-only' }, ` ${stageLabel(id, lang)}`)) : i < at ? h('span', { 'aria-hidden': 'true' }, '✓') : '')),
    h('td', {}, new Date(r.deadline).toLocaleDateString(locale())),
    h('td', { class: r.overdue ? 'status-bad' : '' }, r.daysLate || ''),
    h('td', {}, r.blocked ? h('span', { class: 'status-bad' }, `⛔ ${r.blocked.reason}`) : '', r.suspended ? h('span', { class: 'status-warn' }, ` ⏸ ${r.suspended.reason}`) : ''));
}

async function charts(province, summary) {
  const [{ body: hist }, { body: sync }] = await Promise.all([
    getJson(`/api/rollout/provinces/${province}/history`),
    getJson(`/api/dashboard/provinces/${province}/sync-rate?days=60`),
  ]);
  const days = hist?.days ?? [];
  const daily = sync?.daily ?? [];
  const figs = await Promise.all([
    chartFigure(h, {
      id: 'chart-burnup', title: t('chartBurnUp'),
      summary: days.length ? `${days.at(-1).date}: ${days.at(-1).inOperation}/${days.at(-1).rows}` : t('noData'),
      config: { type: 'line', data: { labels: days.map((d) => d.date), datasets: [
        { label: t('inOperation'), data: days.map((d) => d.inOperation), borderColor: '#146c2e', backgroundColor: '#146c2e', stepped: true },
        { label: t('rows'), data: days.map((d) => d.rows), borderColor: '#9aa5b1', borderDash: [4, 4], pointRadius: 0 },
      ] }, options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } },
    }),
    chartFigure(h, {
      id: 'chart-agency', title: t('chartByAgency'), summary: summary.byAgency.map((a) => `${a.name}: ${a.rows}`).join('; '),
      config: { type: 'bar', data: { labels: summary.byAgency.map((a) => a.name), datasets: STAGES.map(([id], i) => ({
        label: stageLabel(id, lang), data: summary.byAgency.map((a) => a.byStage[id]), backgroundColor: STAGE_COLOURS[i],
      })) }, options: { indexAxis: 'y', scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } } } },
    }),
    chartFigure(h, {
      id: 'chart-sync', title: t('chartSyncRate'), summary: sync?.current?.rate != null ? `${sync.current.rate}%` : t('noData'),
      config: { type: 'line', data: { labels: daily.map((d) => d.date), datasets: [
        { label: '%', data: daily.map((d) => d.rate), borderColor: '#0b57d0', backgroundColor: '#0b57d0' },
      ] }, options: { scales: { y: { min: 0, max: 100 } } } },
    }),
  ]);
  return h('div', { class: 'charts' }, figs);
}

function reportBox(province) {
  const now = new Date();
  const month = h('input', { id: 'report-month', type: 'month', value: `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}` });
  const out = h('p', { role: 'status', id: 'report-links' });
  return h('section', { class: 'card', 'aria-labelledby': 'report-h' },
    h('h2', { id: 'report-h' }, t('monthlyReport')),
    h('div', { class: 'filters' },
      h('div', {}, h('label', { for: 'report-month' }, t('month')), month),
      h('button', { type: 'button', class: 'primary', id: 'build-report', onclick: async () => {
        out.textContent = t('loading');
        const r = await send(`/api/rollout/provinces/${province}/reports`, 'POST', { month: month.value });
        out.replaceChildren(...(r.ok
          ? [`${t('reportReady')}: `, h('a', { href: r.body.html, target: '_blank', rel: 'noopener' }, 'HTML'), ' · ', h('a', { href: r.body.csv, download: '' }, 'CSV')]
          : [r.body?.error?.message ?? String(r.status)]));
      } }, t('build'))),
    out);
}

export async function render(main, _params, user) {
  main.append(h('h1', {}, t('soTitle')));
  if (!user) return main.append(refusal(401, { needUser: t('needUser'), forbidden: t('forbidden'), signInUser: t('signInUser') }));
  const province = await provinceOf(user);
  const [sum, rowsRes] = await Promise.all([getJson(`/api/rollout/provinces/${province}/summary`), getJson(`/api/rollout/provinces/${province}/rows`)]);
  // Deny by default: whatever the API refuses (an agency asking for the whole province), the page refuses too.
  if (!sum.ok || !rowsRes.ok || user.role === 'agency' || user.role === 'developer') {
    return main.append(refusal(sum.status === 401 ? 401 : 403, { needUser: t('needUser'), forbidden: t('forbidden'), signInUser: t('signInUser') }));
  }
  if (user.role === 'national') {
    // The ministry's view: pick the province to read (the choice is kept in the address, so it can be shared).
    const picker = h('select', { id: 'province-picker', onchange: () => location.assign(`/so?tinh=${encodeURIComponent(picker.value)}`) },
      (await provincesOf()).map((p) => h('option', { value: p.id, selected: p.id === province }, p.name)));
    main.append(h('p', { class: 'filters' }, h('label', { for: 'province-picker' }, t('province')), ' ', picker));
  }
  const summary = sum.body;
  const rows = rowsRes.body.rows;
  const q = h('input', { id: 'q', type: 'search', placeholder: t('searchHint') });
  const stage = h('select', { id: 'f-stage' }, h('option', { value: '' }, t('all')), STAGES.map(([id]) => h('option', { value: id }, stageLabel(id, lang))));
  const agencies = [...new Map(rows.flatMap((r) => r.lead).map((a) => [a.id, a.name])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi'));
  const agency = h('select', { id: 'f-agency' }, h('option', { value: '' }, t('all')), agencies.map(([id, name]) => h('option', { value: id }, name)));
  const late = h('input', { id: 'f-overdue', type: 'checkbox' });
  const count = h('p', { role: 'status', class: 'muted', id: 'matrix-count' });
  const tbody = h('tbody');
  const draw = () => {
    const needle = fold(q.value.trim());
    const shown = rows.filter((r) => (!stage.value || r.stage === stage.value) && (!agency.value || r.lead.some((a) => a.id === agency.value))
      && (!late.checked || r.overdue) && (!needle || fold(`${r.name} ${r.connector} ${r.lead.map((a) => a.name).join(' ')}`).includes(needle)));
    tbody.replaceChildren(...shown.map(matrixRow));
    count.textContent = `${shown.length}/${rows.length}`;
  };
  for (const el of [q, stage, agency, late]) el.addEventListener(el === q ? 'input' : 'change', draw);
  const matrix = table([t('stt'), t('system'), t('lead'), ...STAGES.map(([id]) => stageLabel(id, lang)), t('deadline'), t('daysLate'), t('blockedReason')], [], t('matrix'));
  matrix.querySelector('tbody').replaceWith(tbody);
  matrix.querySelector('table').id = 'matrix';
  // The matrix first; chart.js (≈200 kB) and the history arrive after, without holding the page.
  const chartsBox = h('div', { id: 'charts', 'aria-busy': 'true' });
  charts(province, summary).then((el) => { chartsBox.replaceWith(el); });
  const exportUrl = (f) => `/api/rollout/provinces/${province}/export?format=${f}`;
  main.append(
    h('div', { class: 'cards' },
      card(t('readiness'), `${summary.readiness}%`, 'readiness'), card(t('inOperation'), `${summary.inOperation}/${summary.rows}`),
      card(t('overdue'), summary.overdue), card(t('blocked'), rows.filter((r) => r.blocked).length)),
    chartsBox,
    h('h2', {}, t('matrix')),
    h('div', { class: 'filters' },
      h('div', {}, h('label', { for: 'q' }, t('search')), q),
      h('div', {}, h('label', { for: 'f-stage' }, t('stage')), stage),
      h('div', {}, h('label', { for: 'f-agency' }, t('lead')), agency),
      h('div', { class: 'check' }, late, h('label', { for: 'f-overdue' }, t('onlyOverdue'))),
      h('a', { class: 'button', href: exportUrl('csv'), download: '', id: 'export-csv' }, t('exportCsv')),
      h('a', { class: 'button', href: exportUrl('xlsx'), download: '' }, t('exportXlsx'))),
    count, matrix,
    reportBox(province));
  draw();
}
