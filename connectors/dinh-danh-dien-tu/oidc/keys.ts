import { calculateJwkThumbprint, compactVerify, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { KeyValuePort } from '../../../src/core/connector.js';

const KEY = 'signing-key';
const ALG = 'RS256';

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
  createdAt: string;
}

export interface Signer {
  kid: string;
  /** The public half as published in the JWKS. */
  publicJwk: JWK;
  sign(claims: JWTPayload): Promise<string>;
  /** Verifies a token we issued (signature and issuer only: an id_token_hint may have expired). */
  verifyOwn(token: string, issuer: string): Promise<JWTPayload | null>;
}

async function createKey(now: Date): Promise<StoredKey> {
  const { publicKey, privateKey } = await generateKeyPair(ALG, { modulusLength: 2048, extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' },
    publicJwk: { ...publicJwk, kid, alg: ALG, use: 'sig' },
    createdAt: now.toISOString(),
  };
}

/**
 * The provider's RS256 key, made once and kept in Redis: the first gateway instance to start stores it (SET NX) and
 * every other instance uses that one, so an id_token signed by one instance verifies against the JWKS of any other.
 * Returns a loader that resolves the same signer on every call (and retries after a failure).
 */
export function signingKey(kv: KeyValuePort, now: () => Date): () => Promise<Signer> {
  let pending: Promise<Signer> | null = null;
  const load = async (): Promise<Signer> => {
    let raw = await kv.get(KEY);
    if (!raw) {
      const fresh = JSON.stringify(await createKey(now()));
      raw = (await kv.set(KEY, fresh, { ifAbsent: true })) ? fresh : await kv.get(KEY);
      if (!raw) throw new Error('signing key vanished from Redis');
    }
    const stored = JSON.parse(raw) as StoredKey;
    const privateKey = await importJWK(stored.privateJwk, ALG);
    const publicKey = await importJWK(stored.publicJwk, ALG);
    return {
      kid: stored.kid,
      publicJwk: stored.publicJwk,
      sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: ALG, kid: stored.kid, typ: 'JWT' }).sign(privateKey),
      verifyOwn: async (token, issuer) => {
        try {
          const { payload } = await compactVerify(token, publicKey);
          const claims = JSON.parse(new TextDecoder().decode(payload)) as JWTPayload;
          return claims.iss === issuer ? claims : null;
        } catch {
          return null;
        }
      },
    };
  };
  return () => {
    pending ??= load().catch((e) => {
      pending = null;
      throw e;
    });
    return pending;
  };
}
