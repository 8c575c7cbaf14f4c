import { h } from '../dom.js';
import { lang, t } from '../i18n.js';
import { login } from '../user.js';

const HOME = { 'so-admin': '/so', viewer: '/so', national: '/so', agency: '/don-vi', developer: '/nha-phat-trien' };

export async function render(main) {
  const user = h('input', { id: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const msg = h('p', { role: 'alert', class: 'status-bad' });
  main.append(
    h('h1', {}, t('loginTitle')),
    h('form', { class: 'card narrow', onsubmit: async (e) => {
      e.preventDefault();
      const r = await login(user.value.trim(), pass.value);
      if (r.error) { msg.textContent = lang === 'en' ? r.error.messageEn : r.error.message; pass.focus(); return; }
      const next = new URLSearchParams(location.search).get('next');
      // Only a local path: never an open redirect.
      location.assign(next && /^\/[a-z0-9/-]*$/.test(next) && next !== '/dang-nhap' ? next : HOME[r.user.role] ?? '/');
    } },
    h('div', {}, h('label', { for: 'username' }, t('username')), user),
    h('div', {}, h('label', { for: 'password' }, t('password')), pass),
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, t('signInUser'))), msg),
    h('p', { class: 'muted' }, t('loginHint')));
  user.focus();
}
