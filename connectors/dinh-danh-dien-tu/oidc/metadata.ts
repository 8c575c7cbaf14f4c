import { ACR_VALUES, SCOPE_CLAIMS, SCOPES } from '../codes.js';

/** Endpoint paths under the provider's base path. */
export const ENDPOINTS = {
  discovery: '/.well-known/openid-configuration',
  authorization: '/authorize',
  login: '/login',
  token: '/token',
  userinfo: '/userinfo',
  jwks: '/jwks',
  endSession: '/logout',
  registration: '/register',
  introspection: '/introspect',
  revocation: '/revoke',
} as const;

/**
 * The issuer as the caller reaches the gateway: `<scheme>://<host><basePath>`. The scheme is https only when a proxy in
 * front says so (X-Forwarded-Proto), so a TTHC system behind TLS termination sees an https issuer.
 */
export function issuerOf(headers: Record<string, string | string[] | undefined>, basePath: string): string {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0]?.trim();
  const proto = one(headers['x-forwarded-proto']) === 'https' ? 'https' : 'http';
  const host = one(headers.host) ?? 'localhost';
  return `${proto}://${host}${basePath}`;
}

export const CLAIMS_SUPPORTED = ['iss', 'sub', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'acr', 'at_hash', 'sid', ...Object.values(SCOPE_CLAIMS).flat().filter((c) => c !== 'sub')];

/** OpenID Connect Discovery 1.0 metadata (with RFC 8414 / 7591 / 7662 / 7009 / 9207 entries). */
export function discoveryDocument(issuer: string) {
  const at = (p: string) => `${issuer}${p}`;
  return {
    issuer,
    authorization_endpoint: at(ENDPOINTS.authorization),
    token_endpoint: at(ENDPOINTS.token),
    userinfo_endpoint: at(ENDPOINTS.userinfo),
    jwks_uri: at(ENDPOINTS.jwks),
    end_session_endpoint: at(ENDPOINTS.endSession),
    registration_endpoint: at(ENDPOINTS.registration),
    introspection_endpoint: at(ENDPOINTS.introspection),
    revocation_endpoint: at(ENDPOINTS.revocation),
    scopes_supported: SCOPES,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
    acr_values_supported: ACR_VALUES,
    claims_supported: CLAIMS_SUPPORTED,
    claims_parameter_supported: false,
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
    authorization_response_iss_parameter_supported: true,
    prompt_values_supported: ['none', 'login', 'consent', 'select_account'],
    ui_locales_supported: ['vi', 'en'],
    claims_locales_supported: ['vi'],
  };
}
