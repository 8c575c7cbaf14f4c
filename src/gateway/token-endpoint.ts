import express, { type Request, type Response, type Router } from 'express';
import { NdxpError } from '../core/errors.js';
import type { GatewayDeps } from './pipeline.js';
import { hasContentType, sendError, toNdxpError } from './http.js';

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i <= 0) return null;
  return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}

/**
 * POST /token: OAuth2 client credentials as the platform issues them. HTTP Basic `clientId:secret` (or
 * client_id/client_secret in the form), `grant_type=client_credentials`, optional `scope` (space-separated connector ids).
 */
export function tokenRouter(deps: GatewayDeps): Router {
  const router = express.Router();
  router.post(
    '/token',
    express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 }),
    async (req: Request, res: Response) => {
      const started = performance.now();
      let clientId: string | null = null;
      let status = 200;
      let errorCode: string | null = null;
      try {
        if (!hasContentType(req, ['application/x-www-form-urlencoded'])) {
          throw new NdxpError('UNSUPPORTED_MEDIA_TYPE', { detailVi: 'cần application/x-www-form-urlencoded', detailEn: 'use application/x-www-form-urlencoded' });
        }
        const form = (req.body ?? {}) as Record<string, unknown>;
        const grant = form.grant_type;
        if (grant !== 'client_credentials') {
          throw new NdxpError('INVALID_GRANT', { field: 'grant_type', detailVi: 'chỉ hỗ trợ client_credentials', detailEn: 'only client_credentials is supported' });
        }
        const basic = basicCredentials(req.get('authorization'));
        const creds =
          basic ?? (typeof form.client_id === 'string' && typeof form.client_secret === 'string' ? { id: form.client_id, secret: form.client_secret } : null);
        // RFC 6749 §5.2: challenge with Basic only when the client used it (a browser would otherwise pop a login dialog).
        const invalidClient = () =>
          new NdxpError('INVALID_CLIENT', { field: basic || !creds ? 'Authorization' : 'client_secret', headers: basic || !creds ? { 'WWW-Authenticate': 'Basic realm="ndxp"' } : {} });
        if (!creds) throw invalidClient();
        clientId = creds.id;
        const client = await deps.clients.authenticate(creds.id, creds.secret);
        if (!client) throw invalidClient();
        let scopes = client.scopes;
        if (form.scope !== undefined) {
          if (typeof form.scope !== 'string') throw new NdxpError('INVALID_SCOPE', { field: 'scope' });
          const asked = [...new Set(form.scope.split(/\s+/).filter(Boolean))];
          const missing = asked.filter((s) => !client.scopes.includes(s));
          if (missing.length) {
            throw new NdxpError('INVALID_SCOPE', { field: 'scope', detailVi: missing.join(' '), detailEn: missing.join(' '), details: { notGranted: missing } });
          }
          scopes = asked;
        }
        const { token } = await deps.clients.issueToken(client, scopes, deps.tokenTtlSec);
        res.setHeader('Cache-Control', 'no-store');
        res.json({ access_token: token, token_type: 'Bearer', expires_in: deps.tokenTtlSec, scope: scopes.join(' ') });
      } catch (e) {
        const err = toNdxpError(e);
        status = err.status;
        errorCode = err.code;
        sendError(res, err, req.requestId);
      } finally {
        deps.journal.record({
          time: new Date().toISOString(), requestId: req.requestId, clientId, province: null, connector: null, operation: 'token',
          protocol: 'token', method: 'POST', path: '/token', status, durationMs: Math.round((performance.now() - started) * 10) / 10,
          scenario: null, validation: 'skipped', errorCode, errorField: null, request: { grant_type: (req.body as any)?.grant_type ?? null },
        });
      }
    },
  );
  return router;
}
