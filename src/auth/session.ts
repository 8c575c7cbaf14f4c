import type { Request, Response } from 'express';
import type { UserRecord, UserStore } from './users.js';

export const SESSION_COOKIE = 'ndxp_session';

/** The value of one cookie from the Cookie header (no dependency needed for this one read). */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The session token: `Authorization: Bearer <token>` (CLI, scripts) or the HttpOnly cookie (dashboard). */
export function sessionToken(req: Request): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return bearer?.[1] ?? readCookie(req, SESSION_COOKIE);
}

export async function currentUser(users: UserStore, req: Request): Promise<UserRecord | null> {
  const token = sessionToken(req);
  return token ? users.resolveSession(token) : null;
}

export function setSessionCookie(res: Response, token: string, ttlSec: number, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: ttlSec * 1000, secure });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure });
}
