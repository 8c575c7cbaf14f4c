import { h } from './dom.js';
import { lang, setLang, t, translateStatic } from './i18n.js';
import { logout, mayOpen, me } from './user.js';

// path → page module; each exports render(main, params).
const ROUTES = [
  [/^\/$/, './pages/overview.js'],
  [/^\/ket-noi\/?$/, './pages/overview.js'],
  [/^\/ket-noi\/([a-z0-9-]+)$/, './pages/connector.js'],
  [/^\/nha-phat-trien\/?$/, './pages/developer.js'],
  [/^\/don-vi\/?$/, './pages/agency.js'],
  [/^\/don-vi\/([a-z0-9-]+)$/, './pages/agency-row.js'],
  [/^\/so\/?$/, './pages/so.js'],
  [/^\/dang-nhap\/?$/, './pages/login.js'],
  [/^\/tai-khoan\/?$/, './pages/account.js'],
];

async function userBox(user) {
  const box = document.getElementById('user-box');
  if (!user) {
    box.replaceChildren(h('a', { href: `/dang-nhap?next=${encodeURIComponent(location.pathname)}`, id: 'sign-in-link' }, t('signInUser')));
    return;
  }
  box.replaceChildren(
    h('a', { id: 'who', href: '/tai-khoan', title: t('account') }, `${user.name} · ${t(`role.${user.role}`)}`), ' ',
    h('button', { type: 'button', class: 'secondary', id: 'sign-out', onclick: async () => { await logout(); location.assign('/'); } }, t('signOut')));
}

async function render() {
  translateStatic();
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = lang === 'vi' ? 'EN' : 'VI';
  toggle.setAttribute('aria-label', lang === 'vi' ? 'English' : 'Tiếng Việt');
  const user = await me();
  // Deny by default: a link appears only for the roles whose pages the API would serve.
  for (const a of document.querySelectorAll('nav a[data-role-page]')) a.hidden = !mayOpen(user, a.dataset.rolePage);
  await userBox(user);
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
  await page.render(main, params, user);
  document.title = `${main.querySelector('h1')?.textContent ?? ''} · NDXP`;
  main.dataset.ready = 'true';
}

// Renders run one after another: a toggle clicked while a page is still loading must not draw the page twice.
let rendering = Promise.resolve();
const requestRender = () => (rendering = rendering.then(render, render));

document.getElementById('lang-toggle').addEventListener('click', () => {
  setLang(lang === 'vi' ? 'en' : 'vi');
  requestRender();
});
document.getElementById('province-name').textContent = `${t('province')} An Giang`;
requestRender();
