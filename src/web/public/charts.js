// chart.js from node_modules (UMD build: it sets globalThis.Chart), loaded once on the pages that draw charts.
let loading;
export function loadChart() {
  loading ??= import('/vendor/chart.js/chart.umd.js').then(() => globalThis.Chart);
  return loading;
}

export const STAGE_COLOURS = ['#9aa5b1', '#7b61ff', '#0b57d0', '#00838f', '#b26a00', '#146c2e'];

/** A chart in a labelled figure: the canvas is an image with a text alternative for screen readers. */
export async function chartFigure(h, { id, title, summary, config }) {
  const Chart = await loadChart();
  const canvas = h('canvas', { id, role: 'img', 'aria-label': `${title}. ${summary}` });
  const fig = h('figure', { class: 'card chart' }, h('figcaption', {}, title), h('div', { class: 'chart-box' }, canvas));
  queueMicrotask(() => new Chart(canvas, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } }));
  return fig;
}
