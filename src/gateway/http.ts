import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { NdxpError, isNdxpError } from '../core/errors.js';
import type { Logger } from '../logging.js';

declare module 'express-serve-static-core' {
  interface Request {
    requestId: string;
  }
}

const SAFE_ID = /^[A-Za-z0-9._:-]{6,80}$/;

/** Honours a caller's X-Request-Id when it is safe to echo, otherwise makes one; every log line carries it. */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.get('x-request-id');
  req.requestId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', req.requestId);
  next();
}

export function sendError(res: Response, err: NdxpError, requestId: string): void {
  for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
  res.status(err.status).json(err.toEnvelope(requestId));
}

/** Maps body-parser failures to the catalog; anything unexpected is a logged 500 without internals. */
export function toNdxpError(e: unknown): NdxpError {
  if (isNdxpError(e)) return e;
  const err = e as { type?: string; status?: number; message?: string };
  switch (err?.type) {
    case 'entity.too.large':
      return new NdxpError('PAYLOAD_TOO_LARGE');
    case 'entity.parse.failed':
      return new NdxpError('MALFORMED_JSON', { detailVi: err.message, detailEn: err.message });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new NdxpError('UNSUPPORTED_MEDIA_TYPE', { detailVi: err.message, detailEn: err.message });
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new NdxpError('VALIDATION_FAILED', { detailVi: err.message, detailEn: err.message });
    default:
      if (err?.status && err.status >= 400 && err.status < 500) {
        return new NdxpError('VALIDATION_FAILED', { detailVi: err.message, detailEn: err.message });
      }
      return new NdxpError('INTERNAL');
  }
}

export function errorHandler(logger: Logger) {
  return (e: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const err = toNdxpError(e);
    if (err.status >= 500) logger.error('unhandled error', { error: (e as Error)?.stack ?? String(e), requestId: req.requestId, path: req.path });
    if (res.headersSent) {
      res.end();
      return;
    }
    sendError(res, err, req.requestId);
  };
}

/** True when the request's Content-Type is one of `types` (parameters like charset ignored). */
export function hasContentType(req: Request, types: string[]): boolean {
  const ct = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return types.includes(ct);
}
