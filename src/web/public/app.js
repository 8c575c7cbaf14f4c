import { lang, setLang, t, translateStatic } from './i18n.js';

// path → page module; each exports render(main, params).
const ROUTES = [
  [/^\/$/, './pages/overview.js'],
  [/^\/ket-noi\/?$/, './pages/overview.js'],
  [/^\/ket-noi\/([a-z0-9-]+)$/, './pages/connector.js'],
  [/^\/nha-phat-trien\/?$/, './pages/developer.js'],
  [/^\/don-vi\/?$/, './pages/agency.js'],
];

async function render() {
  translateStatic();
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = lang === 'vi' ? 'EN' : 'VI';
  toggle.setAttribute('aria-label', lang === 'vi' ? 'English' : 'Tiếng Việt');
  const path = location.pathname;
  for (const a of document.querySelectorAll('nav a')) {
    const href = a.getAttribute('href');
    if (href === path || (href !== '/' && path.startsWith(href))) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const main = document.getElementById('main');
  const route = ROUTES.find(([re]) => re.test(path));
  if (!route) return;
  const params = path.match(route[0]).slice(1);
  const page = await import(route[1]);
  main.replaceChildren();
  await page.render(main, params);
  document.title = `${main.querySelector('h1')?.textContent ?? ''} · NDXP`;
}

document.getElementById('lang-toggle').addEventListener('click', () => {
  setLang(lang === 'vi' ? 'en' : 'vi');
  render();
});
document.getElementById('province-name').textContent = `${t('province')} An Giang`;
render();
