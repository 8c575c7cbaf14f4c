import { Builder, Parser, processors } from 'xml2js';
import { NdxpError } from '../core/errors.js';
import type { LoadedConnector, LoadedOperation } from '../core/registry.js';

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const NDXP_FAULT_NS = 'https://ndxp-sim.vn/ns/fault';

// A DOCTYPE is how entity expansion (billion laughs) and external entities (XXE) get in: SOAP 1.1 forbids it anyway.
const DTD_RE = /<!\s*(DOCTYPE|ENTITY)/i;

const parser = new Parser({
  explicitArray: false,
  explicitRoot: true,
  ignoreAttrs: true,
  trim: true,
  emptyTag: '',
  tagNameProcessors: [processors.stripPrefix],
  strict: true,
});

export interface SoapRequest {
  /** Local name of the first element in soap:Body. */
  element: string;
  /** Its children as a plain object (text values). */
  input: Record<string, unknown>;
}

/** Parses a SOAP 1.1 request, refusing DTDs and anything that is not Envelope/Body/one operation element. */
export async function parseSoapRequest(xml: string): Promise<SoapRequest> {
  if (DTD_RE.test(xml)) throw new NdxpError('XML_DTD_FORBIDDEN');
  let doc: any;
  try {
    doc = await parser.parseStringPromise(xml);
  } catch (e) {
    throw new NdxpError('MALFORMED_XML', { detailVi: (e as Error).message.split('\n')[0], detailEn: (e as Error).message.split('\n')[0] });
  }
  const envelope = doc?.Envelope;
  if (!envelope || typeof envelope !== 'object') {
    throw new NdxpError('MALFORMED_XML', { field: 'Envelope', detailVi: 'thiếu soap:Envelope', detailEn: 'missing soap:Envelope' });
  }
  const body = envelope.Body;
  if (!body || typeof body !== 'object') {
    throw new NdxpError('MALFORMED_XML', { field: 'Body', detailVi: 'thiếu soap:Body', detailEn: 'missing soap:Body' });
  }
  const names = Object.keys(body);
  if (names.length !== 1) {
    throw new NdxpError('MALFORMED_XML', { field: 'Body', detailVi: 'soap:Body phải chứa đúng một phần tử thao tác', detailEn: 'soap:Body must hold exactly one operation element' });
  }
  const element = names[0]!;
  const content = body[element];
  if (Array.isArray(content)) {
    throw new NdxpError('MALFORMED_XML', { field: element, detailVi: 'phần tử thao tác lặp lại', detailEn: 'repeated operation element' });
  }
  return { element, input: content && typeof content === 'object' ? content : {} };
}

/** Drops nulls/undefined (no xsi:nil in these services) so the builder does not emit odd elements. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = prune(v);
    return out;
  }
  return value;
}

const builder = new Builder({ xmldec: { version: '1.0', encoding: 'UTF-8' }, renderOpts: { pretty: false } });

export function buildSoapResponse(namespace: string, element: string, body: unknown): string {
  const payload = body && typeof body === 'object' && !Array.isArray(body) ? (prune(body) as Record<string, unknown>) : { value: body };
  return builder.buildObject({
    'soap:Envelope': {
      $: { 'xmlns:soap': SOAP11_NS },
      'soap:Body': { [`ns:${element}Response`]: { $: { 'xmlns:ns': namespace }, ...payload } },
    },
  });
}

/** A SOAP 1.1 Fault carrying the same envelope fields as the JSON error body, in <detail>. */
export function buildSoapFault(err: NdxpError, requestId: string): string {
  const env = err.toEnvelope(requestId).error;
  return builder.buildObject({
    'soap:Envelope': {
      $: { 'xmlns:soap': SOAP11_NS },
      'soap:Body': {
        'soap:Fault': {
          faultcode: err.status >= 500 ? 'soap:Server' : 'soap:Client',
          faultstring: { _: `${env.message} / ${env.messageEn}`, $: { 'xml:lang': 'vi' } },
          detail: {
            'ndxp:error': {
              $: { 'xmlns:ndxp': NDXP_FAULT_NS },
              code: env.code,
              status: env.status,
              message: env.message,
              messageEn: env.messageEn,
              ...(env.field ? { field: env.field } : {}),
              requestId,
            },
          },
        },
      },
    },
  });
}

/** SOAPAction arrives quoted ("urn:x#Op") or bare; an empty one means "look at the body element". */
export function parseSoapAction(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const v = header.trim().replace(/^"(.*)"$/, '$1').trim();
  return v || undefined;
}

/** The SOAP body element of an operation: the last part of its SOAPAction (`urn:x#TraCuu` → `TraCuu`). */
export const soapElementOf = (op: LoadedOperation) => op.def.soapAction!.split(/[#/:]/).pop()!;

/**
 * Finds the operation a SOAP request asks for: by SOAPAction, else by the body element; the two must agree.
 * Shared by the gateway's SOAP endpoint and the mock kit.
 */
export function soapOperationResolver(connector: LoadedConnector): (actionHeader: string | undefined, element: string) => LoadedOperation {
  const soapOps = connector.operations.filter((o) => o.def.soapAction);
  const byAction = new Map(soapOps.map((o) => [o.def.soapAction!, o]));
  const byElement = new Map(soapOps.map((o) => [soapElementOf(o), o]));
  return (actionHeader, element) => {
    const action = parseSoapAction(actionHeader);
    const op = action ? byAction.get(action) : byElement.get(element);
    if (!op) {
      throw new NdxpError('SOAP_ACTION_UNKNOWN', {
        field: 'SOAPAction',
        detailVi: `${action ?? element}; có: ${[...byAction.keys()].join(', ')}`,
        detailEn: `${action ?? element}; known: ${[...byAction.keys()].join(', ')}`,
      });
    }
    if (soapElementOf(op) !== element) {
      throw new NdxpError('SOAP_ACTION_UNKNOWN', {
        field: 'Body',
        detailVi: `SOAPAction ${action} cần phần tử ${soapElementOf(op)}, nhận ${element}`,
        detailEn: `SOAPAction ${action} expects element ${soapElementOf(op)}, got ${element}`,
      });
    }
    return op;
  };
}
