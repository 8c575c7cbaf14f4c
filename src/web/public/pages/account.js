import { h } from '../dom.js';
import { lang, t } from '../i18n.js';

// The signed-in user's own account: change the password (every other session ends; this one gets a new session).
export async function render(main, _params, user) {
  main.append(h('h1', {}, t('account')));
  if (!user) {
    main.append(h('p', {}, h('a', { href: '/dang-nhap?next=/tai-khoan' }, t('signInUser'))));
    return;
  }
  const current = h('input', { id: 'current-password', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', minlength: 10, required: true });
  const msg = h('p', { role: 'status', id: 'password-msg' });
  main.append(
    h('p', {}, `${user.name} · ${user.username} · ${t(`role.${user.role}`)}`),
    h('form', { class: 'card narrow', onsubmit: async (e) => {
      e.preventDefault();
      const res = await fetch('/api/auth/password', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ currentPassword: current.value, newPassword: next.value }),
      });
      const body = await res.json().catch(() => null);
      msg.className = res.ok ? 'status-ok' : 'status-bad';
      msg.textContent = res.ok ? t('passwordChanged') : `${lang === 'en' ? body?.error?.messageEn : body?.error?.message} (${body?.error?.field ?? res.status})`;
      if (res.ok) current.value = next.value = '';
    } },
    h('h2', {}, t('changePassword')),
    h('div', {}, h('label', { for: 'current-password' }, t('currentPassword')), current),
    h('div', {}, h('label', { for: 'new-password' }, t('newPassword')), next),
    h('p', {}, h('button', { type: 'submit', class: 'primary' }, t('changePassword'))), msg));
}
