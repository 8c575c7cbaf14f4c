// The signed-in user (rollout tracker session: HttpOnly cookie set by /api/auth/login). Deny by default: a page shows
// only what this user's role may read; the API enforces the same rules.
let cached;

export async function me() {
  if (cached === undefined) {
    const res = await fetch('/api/auth/me');
    cached = res.ok ? await res.json() : null;
  }
  return cached;
}

export async function login(username, password) {
  const res = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = await res.json().catch(() => null);
  if (!res.ok) return { error: body?.error ?? { message: String(res.status), messageEn: String(res.status) } };
  cached = body.user;
  provinces = undefined;
  return { user: body.user };
}

export async function logout() {
  await fetch('/api/auth/logout', { method: 'POST' });
  cached = null;
  provinces = undefined;
}

/** The provinces the user may read (one for a province's users; every one for the national role), asked once per page load. */
let provinces;
export function provincesOf() {
  provinces ??= fetch('/api/rollout/provinces').then((res) => (res.ok ? res.json() : []));
  return provinces;
}

/**
 * The province the user works on. The national role reads across provinces: the one named by `?tinh=` (the page's
 * province picker), else the first one listed.
 */
export async function provinceOf(user) {
  if (user.province) return user.province;
  const list = await provincesOf();
  const wanted = new URLSearchParams(location.search).get('tinh');
  return list.find((p) => p.id === wanted)?.id ?? list[0]?.id ?? 'an-giang';
}

export const ROLE_PAGES = {
  'so-admin': ['/so', '/don-vi', '/admin/queues'],
  viewer: ['/so'],
  national: ['/so'],
  agency: ['/don-vi'],
  developer: [],
};
export const mayOpen = (user, page) => !!user && (ROLE_PAGES[user.role] ?? []).includes(page);
export const isAdmin = (user) => user?.role === 'so-admin';
