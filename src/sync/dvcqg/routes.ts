import express, { type Request, type Response, type Router } from 'express';
import { NdxpError } from '../../core/errors.js';
import { hasContentType, toNdxpError } from '../../gateway/http.js';
import { authenticate, type GatewayDeps } from '../../gateway/pipeline.js';
import { buildSoapFault, buildSoapResponse, parseSoapAction, parseSoapRequest } from '../../gateway/soap.js';
import { errorReply, SYNC_KINDS, type DvcqgReply, type DvcqgService } from './service.js';
import type { SyncKind } from './store.js';

export const DVCQG_BASE = '/dvcqg/1.0';
export const DVCQG_SOAP_PATH = `${DVCQG_BASE}/ws`;
export const DVCQG_NAMESPACE = 'http://dichvucong.gov.vn/dvcqg/1.0';

const isKind = (s: string | undefined): s is SyncKind => !!s && (SYNC_KINDS as string[]).includes(s);

/**
 * The DVCQG sync mock, mounted by the gateway beside the 24 connectors: `DongBoHoSoMC` and `CapNhatTienDoHoSoMC`
 * as JSON (`POST /dvcqg/1.0/<operation>`) and SOAP 1.1 (`POST /dvcqg/1.0/ws`). Every refusal is a DVCQG reply with a
 * non-zero error_code and the HTTP status of the error catalog; SOAP messages that cannot be read get a SOAP Fault.
 */
export function dvcqgRouter(deps: GatewayDeps, service: DvcqgService): Router {
  const router = express.Router();
  const json = express.json({ limit: deps.maxBodyBytes, strict: true, type: ['application/json'] });
  const text = express.text({ limit: deps.maxBodyBytes, type: ['text/xml', 'application/soap+xml'] });

  const journal = (req: Request, kind: string | null, protocol: 'rest' | 'soap', status: number, started: number, err?: NdxpError, clientId?: string) => {
    const durationMs = performance.now() - started;
    deps.metrics.observe('dvcqg', kind ?? '(unknown)', status, protocol, durationMs / 1000);
    deps.journal.record({
      time: new Date().toISOString(), requestId: req.requestId, clientId: clientId ?? null, province: null, connector: 'dvcqg', operation: kind,
      protocol, method: req.method, path: req.path, status, durationMs: Math.round(durationMs * 10) / 10, scenario: null,
      validation: err && err.status === 400 ? 'request-invalid' : 'ok', errorCode: err?.code ?? null, errorField: err?.field ?? null, request: null,
    });
  };

  /** auth → push; the reply and HTTP status for either outcome. */
  const run = async (req: Request, kind: SyncKind, input: unknown, textInput: boolean): Promise<{ status: number; reply: DvcqgReply; err?: NdxpError; clientId?: string }> => {
    let clientId: string | undefined;
    try {
      const claims = await authenticate(deps.clients, req.get('authorization'));
      clientId = claims.clientId;
      if (!input || typeof input !== 'object' || Array.isArray(input)) {
        throw new NdxpError('VALIDATION_FAILED', { field: '(body)', detailVi: 'nội dung phải là một đối tượng', detailEn: 'body must be an object' });
      }
      const reply = await service.push(kind, input as Record<string, unknown>, { id: claims.clientId, province: claims.province }, textInput);
      return { status: 200, reply: { ...reply, requestId: req.requestId }, clientId };
    } catch (e) {
      const err = toNdxpError(e);
      if (err.status >= 500) deps.logger.error('dvcqg push failed', { error: (e as Error).stack, requestId: req.requestId });
      return { status: err.status, reply: errorReply(err, req.requestId), err, clientId };
    }
  };

  router.post(`${DVCQG_BASE}/:operation`, async (req, res, next) => {
    const kind = String(req.params.operation);
    if (!isKind(kind)) return next();
    const started = performance.now();
    if (!hasContentType(req, ['application/json'])) {
      const err = new NdxpError('UNSUPPORTED_MEDIA_TYPE', { detailVi: 'cần application/json (SOAP: POST /dvcqg/1.0/ws)', detailEn: 'use application/json (SOAP: POST /dvcqg/1.0/ws)' });
      journal(req, kind, 'rest', err.status, started, err);
      res.status(err.status).json(errorReply(err, req.requestId));
      return;
    }
    const parseError = await new Promise<unknown>((resolve) => json(req, res, resolve));
    if (parseError) {
      const err = toNdxpError(parseError);
      journal(req, kind, 'rest', err.status, started, err);
      res.status(err.status).json(errorReply(err, req.requestId));
      return;
    }
    const out = await run(req, kind, req.body, false);
    journal(req, kind, 'rest', out.status, started, out.err, out.clientId);
    res.status(out.status).json(out.reply);
  });

  router.post(DVCQG_SOAP_PATH, async (req: Request, res: Response) => {
    const started = performance.now();
    const sendXml = (status: number, xml: string) => res.status(status).type('text/xml; charset=utf-8').send(xml);
    let kind: SyncKind | null = null;
    try {
      if (!hasContentType(req, ['text/xml', 'application/soap+xml'])) {
        throw new NdxpError('UNSUPPORTED_MEDIA_TYPE', { detailVi: 'SOAP 1.1 cần text/xml', detailEn: 'SOAP 1.1 needs text/xml' });
      }
      const parseError = await new Promise<unknown>((resolve) => text(req, res, resolve));
      if (parseError) throw parseError;
      if (typeof req.body !== 'string' || !req.body) throw new NdxpError('MALFORMED_XML', { detailVi: 'nội dung rỗng', detailEn: 'empty body' });
      const soap = await parseSoapRequest(req.body);
      const action = parseSoapAction(req.get('soapaction'))?.split(/[#/:]/).pop();
      const element = action ?? soap.element;
      if (!isKind(element) || element !== soap.element) {
        throw new NdxpError('SOAP_ACTION_UNKNOWN', {
          field: action ? 'SOAPAction' : 'Body',
          detailVi: `${element}; có: ${SYNC_KINDS.join(', ')}`,
          detailEn: `${element}; known: ${SYNC_KINDS.join(', ')}`,
        });
      }
      kind = element;
      const out = await run(req, kind, soap.input, true);
      journal(req, kind, 'soap', out.status, started, out.err, out.clientId);
      sendXml(out.status, buildSoapResponse(DVCQG_NAMESPACE, kind, out.reply));
    } catch (e) {
      const err = toNdxpError(e);
      journal(req, kind, 'soap', err.status, started, err);
      sendXml(err.status, buildSoapFault(err, req.requestId));
    }
  });
  return router;
}
