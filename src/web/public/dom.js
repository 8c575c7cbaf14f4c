// Tiny DOM builder: text is always set as text, never parsed as HTML (data from the API cannot inject markup).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

export const fold = (s) => String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

export async function getJson(url, opts = {}) {
  const res = await fetch(url, opts);
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  return { status: res.status, ok: res.ok, body };
}

export function table(headers, rows, caption) {
  return h('div', { class: 'table-wrap' },
    h('table', {}, caption ? h('caption', { class: 'sr-only' }, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows)));
}

/** A JSON request with the session cookie (same origin). */
export const send = (url, method, body) => getJson(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });

/** A clear refusal when the API says no (401: sign in; 403: not this user's to see) — never a blank page. */
export function refusal(status, messages) {
  const signIn = status === 401;
  return h('div', { class: 'notice', role: 'alert', 'data-refusal': status },
    h('p', {}, h('strong', {}, signIn ? messages.needUser : messages.forbidden)),
    signIn ? h('a', { href: `/dang-nhap?next=${encodeURIComponent(location.pathname)}` }, messages.signInUser) : null);
}

export const when = (iso, locale) => (iso ? new Date(iso).toLocaleString(locale) : '—');
