import { createHash } from 'node:crypto';
import type { KeyValuePort } from '../../../src/core/connector.js';
import { TTL, type Acr, type MucDo, type Scope } from '../codes.js';

/** A validated authorization request waiting for the citizen to log in. */
export interface AuthzRequest {
  clientId: string;
  /** The platform client answerable for the relying party (named in the journal). */
  owner: string;
  redirectUri: string;
  scopes: Scope[];
  state?: string;
  nonce?: string;
  codeChallenge: string;
  /** The lowest account level the requested acr_values accept. */
  minLevel?: MucDo;
}

export interface LoginSession {
  sid: string;
  soDinhDanh: string;
  /** Seconds since the epoch. */
  authTime: number;
}

export interface CodeGrant extends AuthzRequest, LoginSession {
  acr: Acr;
}

export interface AccessGrant {
  clientId: string;
  owner: string;
  scopes: Scope[];
  soDinhDanh: string;
  sub: string;
  acr: Acr;
  sid: string;
  iat: number;
  exp: number;
}

// Codes and tokens are stored under their hash: a dump of Redis does not hand out live credentials.
const digest = (s: string) => createHash('sha256').update(s).digest('base64url');

/** The provider's short-lived state in the shared store (every gateway instance sees the same). */
export function oidcState(kv: KeyValuePort) {
  const put = (k: string, v: unknown, ttlMs: number) => kv.set(k, JSON.stringify(v), { ttlMs });
  const parse = async <T>(raw: Promise<string | null>): Promise<T | null> => {
    const r = await raw;
    return r ? (JSON.parse(r) as T) : null;
  };
  return {
    saveRequest: (rid: string, r: AuthzRequest) => put(`authz:${rid}`, r, TTL.authorizationRequestMs),
    loadRequest: (rid: string) => parse<AuthzRequest>(kv.get(`authz:${rid}`)),
    takeRequest: (rid: string) => parse<AuthzRequest>(kv.take(`authz:${rid}`)),
    saveCode: (code: string, g: CodeGrant) => put(`code:${digest(code)}`, g, TTL.codeMs),
    /** One use only: the second exchange of a code finds nothing. */
    takeCode: (code: string) => parse<CodeGrant>(kv.take(`code:${digest(code)}`)),
    saveAccess: (token: string, g: AccessGrant) => put(`at:${digest(token)}`, g, TTL.accessTokenSec * 1000),
    loadAccess: (token: string) => parse<AccessGrant>(kv.get(`at:${digest(token)}`)),
    revokeAccess: (token: string) => kv.del(`at:${digest(token)}`),
    saveSession: (s: LoginSession) => put(`session:${s.sid}`, s, TTL.sessionMs),
    loadSession: (sid: string) => parse<LoginSession>(kv.get(`session:${sid}`)),
    endSession: (sid: string) => kv.del(`session:${sid}`),
  };
}

export type OidcState = ReturnType<typeof oidcState>;
