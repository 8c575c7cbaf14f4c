// The developer's sandbox token, kept for this browser tab only.
const KEY = 'ndxp-dev';

export function devSession() {
  const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  return s && s.exp > Date.now() ? s : null;
}

export async function signIn(clientId, secret) {
  const res = await fetch('/token', {
    method: 'POST',
    // client_secret_post: a 401 then carries no Basic challenge, so the browser shows no login dialog.
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
  });
  const body = await res.json();
  if (!res.ok) return { error: body.error };
  const s = { clientId, token: body.access_token, scope: body.scope, exp: Date.now() + body.expires_in * 1000 };
  sessionStorage.setItem(KEY, JSON.stringify(s));
  return { session: s };
}

export const signOut = () => sessionStorage.removeItem(KEY);
export const authHeader = () => {
  const s = devSession();
  return s ? { authorization: `Bearer ${s.token}` } : {};
};
