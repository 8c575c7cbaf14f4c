import type { AxiosInstance, AxiosResponse } from 'axios';
import type { OperationExample } from '../../src/core/connector.js';
import type { LoadedConnector, LoadedOperation } from '../../src/core/registry.js';
import { soapEnvelope } from './soap.js';

/** Fills `{name}` path parameters from the example and leaves the rest as query/body. */
export function buildRequest(op: LoadedOperation, example: OperationExample): { url: string; query?: Record<string, string>; body?: unknown } {
  const query = { ...(example.query ?? {}) };
  const body = example.body && typeof example.body === 'object' ? { ...(example.body as Record<string, unknown>) } : example.body;
  const url = op.def.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const v = query[name] ?? (body as Record<string, unknown> | undefined)?.[name];
    delete query[name];
    if (body && typeof body === 'object') delete (body as Record<string, unknown>)[name];
    return encodeURIComponent(String(v));
  });
  return { url, ...(Object.keys(query).length ? { query } : {}), ...(body !== undefined ? { body } : {}) };
}

export async function callRest(
  http: AxiosInstance,
  op: LoadedOperation,
  example: OperationExample,
  headers: Record<string, string> = {},
  timeout?: number,
): Promise<AxiosResponse> {
  const r = buildRequest(op, example);
  return http.request({
    method: op.def.method,
    url: r.url,
    params: r.query,
    data: r.body,
    headers: { ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(timeout ? { timeout } : {}),
  });
}

export function soapElement(op: LoadedOperation): string {
  return op.def.soapAction!.split(/[#/:]/).pop()!;
}

export async function callSoap(
  http: AxiosInstance,
  connector: LoadedConnector,
  op: LoadedOperation,
  input: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<AxiosResponse<string>> {
  const soap = connector.def.soap!;
  return http.post(soap.path, soapEnvelope(soap.namespace, soapElement(op), input), {
    headers: { 'content-type': 'text/xml; charset=utf-8', SOAPAction: `"${op.def.soapAction}"`, ...headers },
    responseType: 'text',
    transformResponse: (x) => x,
  });
}

/** The input the example amounts to (query or body, path params included). */
export const exampleInput = (example: OperationExample): Record<string, unknown> =>
  ({ ...(example.query ?? {}), ...((example.body as Record<string, unknown>) ?? {}) });
