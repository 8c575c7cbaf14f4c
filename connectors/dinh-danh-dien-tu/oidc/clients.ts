import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ClientInfo, RouteContext } from '../../../src/core/connector.js';
import { OAuthError } from './errors.js';

/** A relying party: an application registered through RFC 7591, or a sandbox platform client used as is. */
export interface OidcClient {
  clientId: string;
  name: string;
  province: string;
  registered: boolean;
  /** The platform client answerable for it (itself, or the one that registered it): the journal names this one. */
  owner: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

interface StoredClient extends OidcClient {
  secretHash: string;
  authMethod: 'client_secret_basic' | 'client_secret_post';
  createdAt: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest();
const key = (clientId: string) => `client:${clientId}`;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopback(uri: string): boolean {
  try {
    const u = new URL(uri);
    return (u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK.has(u.hostname) && !u.hash;
  } catch {
    return false;
  }
}

/** A redirect URI a client may register: https anywhere, or http on a loopback address (RFC 8252 §7.3); no fragment. */
export function isRegistrableRedirect(uri: string): boolean {
  try {
    const u = new URL(uri);
    return !u.hash && (u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname)));
  } catch {
    return false;
  }
}

/**
 * Registered clients must use one of their exact redirect URIs; a sandbox platform client (the demo client) may use any
 * loopback URI without registering, so a developer can try a login from localhost at once.
 */
export const allowsRedirect = (c: OidcClient, uri: string) => (c.registered ? c.redirectUris.includes(uri) : isLoopback(uri));
export const allowsPostLogoutRedirect = (c: OidcClient, uri: string) =>
  c.registered ? c.postLogoutRedirectUris.includes(uri) : isLoopback(uri);

const platformAsClient = (c: ClientInfo, connectorId: string): OidcClient | null =>
  c.sandbox && c.scopes.includes(connectorId)
    ? { clientId: c.id, name: c.id, province: c.province, registered: false, owner: c.id, redirectUris: [], postLogoutRedirectUris: [] }
    : null;

const publicPart = ({ clientId, name, province, registered, owner, redirectUris, postLogoutRedirectUris }: StoredClient): OidcClient => ({
  clientId, name, province, registered, owner, redirectUris, postLogoutRedirectUris,
});

export function clientDirectory(ctx: RouteContext) {
  const stored = async (clientId: string): Promise<StoredClient | null> => {
    const raw = await ctx.kv.get(key(clientId));
    return raw ? (JSON.parse(raw) as StoredClient) : null;
  };
  return {
    async find(clientId: string | undefined): Promise<OidcClient | null> {
      if (!clientId || clientId.length > 100) return null;
      const reg = await stored(clientId);
      if (reg) return publicPart(reg);
      const platform = await ctx.clients.get(clientId);
      return platform ? platformAsClient(platform, ctx.connectorId) : null;
    },

    async authenticate(clientId: string, secret: string): Promise<OidcClient | null> {
      if (clientId.length > 100 || secret.length > 200) return null;
      const reg = await stored(clientId);
      if (reg) return timingSafeEqual(sha256(secret), Buffer.from(reg.secretHash, 'hex')) ? publicPart(reg) : null;
      const platform = await ctx.clients.authenticate(clientId, secret);
      return platform ? platformAsClient(platform, ctx.connectorId) : null;
    },

    /** RFC 7591 registration by a platform client; the secret is returned once and kept only as a hash. */
    async register(owner: ClientInfo, meta: { client_name: string; redirect_uris: string[]; post_logout_redirect_uris?: string[]; token_endpoint_auth_method?: StoredClient['authMethod'] }) {
      const bad = [...meta.redirect_uris, ...(meta.post_logout_redirect_uris ?? [])].find((u) => !isRegistrableRedirect(u));
      if (bad) {
        throw new OAuthError(
          'invalid_redirect_uri',
          `redirect_uri không hợp lệ: ${bad} (cần https, hoặc http trên localhost/127.0.0.1; không có #fragment)`,
          `invalid redirect URI: ${bad} (https, or http on a loopback address; no fragment)`,
        );
      }
      const clientId = `vneid-${randomBytes(9).toString('hex')}`;
      const secret = randomBytes(32).toString('base64url');
      const now = ctx.now();
      const record: StoredClient = {
        clientId,
        name: meta.client_name,
        province: owner.province,
        registered: true,
        redirectUris: meta.redirect_uris,
        postLogoutRedirectUris: meta.post_logout_redirect_uris ?? [],
        secretHash: sha256(secret).toString('hex'),
        owner: owner.id,
        authMethod: meta.token_endpoint_auth_method ?? 'client_secret_basic',
        createdAt: now.toISOString(),
      };
      await ctx.kv.set(key(clientId), JSON.stringify(record));
      return {
        client_id: clientId,
        client_secret: secret,
        client_id_issued_at: Math.floor(now.getTime() / 1000),
        client_secret_expires_at: 0,
        client_name: record.name,
        redirect_uris: record.redirectUris,
        post_logout_redirect_uris: record.postLogoutRedirectUris,
        token_endpoint_auth_method: record.authMethod,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        id_token_signed_response_alg: 'RS256',
      };
    },
  };
}

export type ClientDirectory = ReturnType<typeof clientDirectory>;
