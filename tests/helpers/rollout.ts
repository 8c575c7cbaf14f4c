import type { AxiosInstance } from 'axios';
import type { LoadedConnector } from '../../src/core/registry.js';
import { callRest } from './calls.js';

export const ADMIN_PASSWORD = 'admin-sandbox-2025';
export const USER_PASSWORD = 'user-sandbox-2025';

/** Signs in and returns the Authorization header of the session. */
export async function signIn(http: AxiosInstance, username: string, password = username.startsWith('admin') || username === 'national' ? ADMIN_PASSWORD : USER_PASSWORD): Promise<{ Authorization: string }> {
  const res = await http.post('/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${JSON.stringify(res.data)}`);
  return { Authorization: `Bearer ${res.data.token}` };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What a well-behaved TTHC system does in the sandbox (the vận hành gate's evidence): every operation called with its
 * valid example, then each scenario met and handled: waits for slow, gives up on timeout, does not resend a 404,
 * re-fetches after an off-schema body, retries a 503 after Retry-After, and stops calling during maintenance.
 */
export async function exerciseLikeAGoodClient(http: AxiosInstance, connector: LoadedConnector, auth: { Authorization: string }): Promise<void> {
  for (const op of connector.operations) {
    const r = await callRest(http, op, op.example, auth);
    if (r.status !== 200) throw new Error(`${op.name}: ${r.status}`);
  }
  const op = connector.operations[0]!;
  const names = connector.scenarios.map((s) => s.name);
  const withScenario = (name: string, timeout?: number) => callRest(http, op, op.example, { ...auth, 'X-Mock-Scenario': name }, timeout).catch((e) => e);
  for (const name of names.filter((n) => !['upstream-error', 'maintenance'].includes(n))) {
    const s = connector.scenario(name)!;
    await withScenario(name, s.effect.hangMs ? 300 : undefined);
    if (s.effect.malformed) await callRest(http, op, op.example, auth);
  }
  if (names.includes('upstream-error')) {
    const r = await withScenario('upstream-error');
    await sleep(Number(r.headers['retry-after']) * 1000 + 100);
    await callRest(http, op, op.example, auth);
  }
  if (names.includes('maintenance')) await withScenario('maintenance');
}

/** The lowest bcrypt cost: tests sign in dozens of times; production keeps BCRYPT_ROUNDS=10. */
export const FAST_HASH = { BCRYPT_ROUNDS: '4' };
