import type { LoadedConnector, LoadedOperation, Registry } from '../core/registry.js';
import { ERRORS } from '../core/errors.js';
import { SchemaBundle, type JsonSchema } from './schema-bundle.js';

/**
 * OpenAPI 3.1 for the gateway, generated from the registry (connector definitions + JSON Schemas), never written
 * by hand: a new connector appears here by being registered.
 */
export type OpenApiDocument = Record<string, any>;

const ERROR_REF = { $ref: '#/components/schemas/_shared.common__errorEnvelope' };
const ERROR_STATUSES: Array<[number, string]> = [
  [400, 'Dữ liệu yêu cầu không hợp lệ / invalid request (VALIDATION_FAILED, UNKNOWN_FIELD, MALFORMED_JSON…)'],
  [401, 'Thiếu, sai hoặc hết hạn access token / missing, invalid or expired token'],
  [403, 'Chưa được cấp quyền dịch vụ / scope or purpose not granted'],
  [404, 'Không tìm thấy bản ghi / record not found'],
  [413, 'Nội dung quá lớn / request body too large'],
  [415, 'Content-Type không được hỗ trợ / unsupported Content-Type'],
  [503, 'Hệ thống nguồn tạm thời không phục vụ hoặc bảo trì, xem Retry-After / upstream unavailable or maintenance'],
  [504, 'Hệ thống nguồn không phản hồi kịp / upstream timed out'],
];

/** `dang-ky-doanh-nghiep` + `chiTietDoanhNghiep` → `dangKyDoanhNghiep_chiTietDoanhNghiep` (unique, identifier-safe). */
export const operationId = (connectorId: string, op: string) =>
  `${connectorId.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase())}_${op}`;

const errorResponse = (description: string) => ({
  description,
  headers: { 'Retry-After': { description: 'Giây nên chờ trước khi thử lại (503) / seconds to wait', schema: { type: 'integer' } } },
  content: { 'application/json': { schema: ERROR_REF } },
});

function errorResponses(withBody: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [status, text] of ERROR_STATUSES) {
    if (!withBody && (status === 413 || status === 415)) continue;
    const codes = Object.entries(ERRORS).filter(([, s]) => s.status === status).map(([c]) => c);
    out[String(status)] = errorResponse(`${text}. Mã lỗi / codes: ${codes.join(', ')}`);
  }
  return out;
}

function scenarioHeader(connector: LoadedConnector, op: LoadedOperation) {
  const names = connector.scenarios.filter((s) => !s.operations || s.operations.includes(op.name)).map((s) => s.name);
  return {
    name: 'X-Mock-Scenario',
    in: 'header',
    required: false,
    description: `Kịch bản mô phỏng lỗi cho riêng yêu cầu này / fault-injection scenario for this request:\n${connector.scenarios
      .filter((s) => names.includes(s.name))
      .map((s) => `- \`${s.name}\`: ${s.description}${s.descriptionEn ? ` / ${s.descriptionEn}` : ''}`)
      .join('\n')}`,
    schema: { type: 'string', enum: names },
  };
}

function operationObject(bundle: SchemaBundle, connector: LoadedConnector, op: LoadedOperation) {
  const requestRel = op.requestSchema;
  const responseRel = op.responseSchema;
  const pathParams = [...op.def.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!);
  const hasBody = op.def.method === 'POST' || op.def.method === 'PUT';
  const parameters: unknown[] = [];
  const req = bundle.resolve(bundle.root(requestRel));
  const props = (req.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((req.required ?? []) as string[]);
  for (const name of pathParams) {
    parameters.push({ name, in: 'path', required: true, schema: props[name] ?? { type: 'string' } });
  }
  if (!hasBody) {
    for (const [name, schema] of Object.entries(props)) {
      if (pathParams.includes(name)) continue;
      const example = op.example.query?.[name];
      parameters.push({ name, in: 'query', required: required.has(name), schema, ...(example !== undefined ? { example } : {}) });
    }
  }
  parameters.push(scenarioHeader(connector, op));
  return {
    operationId: operationId(connector.id, op.name),
    tags: [connector.id],
    summary: op.def.summary,
    description: [op.def.summaryEn, op.def.soapAction ? `SOAP 1.1: SOAPAction \`${op.def.soapAction}\` at ${connector.def.soap!.path} (WSDL: ${connector.def.soap!.path}?wsdl)` : '']
      .filter(Boolean)
      .join('\n\n'),
    security: [{ oauth2: [op.scope] }],
    parameters,
    ...(hasBody
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: bundle.ref(requestRel), ...(op.example.body !== undefined ? { example: op.example.body } : {}) } },
          },
        }
      : {}),
    responses: {
      '200': { description: 'Thành công / success', content: { 'application/json': { schema: bundle.ref(responseRel) } } },
      // A submission creates something (a dossier, or the first receipt of an idempotent push): the handler answers
      // 201, a retry of the same 200. Which POSTs create is handler logic, so every body operation documents it.
      ...(hasBody
        ? { '201': { description: 'Đã tiếp nhận, tạo mới (hồ sơ, biên nhận) / created', content: { 'application/json': { schema: bundle.ref(responseRel) } } } }
        : {}),
      ...errorResponses(hasBody),
      ...(connector.def.lifecycles ? { '409': errorResponse('Trạng thái hồ sơ không cho phép / conflict with the dossier state (CONFLICT, ILLEGAL_TRANSITION)') } : {}),
    },
  };
}

const TOKEN_PATH = {
  post: {
    operationId: 'token',
    tags: ['oauth2'],
    summary: 'Cấp access token (OAuth2 client credentials)',
    description: 'HTTP Basic `clientId:secret` (or client_id/client_secret in the form). `scope`: connector ids separated by spaces (default: every granted one).',
    security: [{ clientBasic: [] }],
    requestBody: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            required: ['grant_type'],
            properties: {
              grant_type: { type: 'string', const: 'client_credentials' },
              scope: { type: 'string' },
              client_id: { type: 'string' },
              client_secret: { type: 'string' },
            },
          },
        },
      },
    },
    responses: {
      '200': {
        description: 'Access token',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['access_token', 'token_type', 'expires_in', 'scope'],
              properties: {
                access_token: { type: 'string' },
                token_type: { type: 'string', const: 'Bearer' },
                expires_in: { type: 'integer' },
                scope: { type: 'string' },
              },
            },
          },
        },
      },
      '400': errorResponse('grant_type hoặc scope không hợp lệ / bad grant_type or scope (INVALID_GRANT, INVALID_SCOPE)'),
      '401': errorResponse('Sai thông tin ứng dụng / client authentication failed (INVALID_CLIENT)'),
      '415': errorResponse('Cần application/x-www-form-urlencoded'),
    },
  },
};

export interface OpenApiOptions {
  /** Only these connectors (per-connector documents). */
  connectorIds?: string[];
  /** Absolute server URL; default "/" (same origin as the document). */
  serverUrl?: string;
  version?: string;
}

export function buildOpenApi(registry: Registry, opts: OpenApiOptions = {}): OpenApiDocument {
  const connectors = registry.connectors.filter((c) => !opts.connectorIds || opts.connectorIds.includes(c.id));
  const bundle = new SchemaBundle(registry);
  const paths: Record<string, Record<string, unknown>> = { '/token': TOKEN_PATH };
  for (const c of connectors) {
    for (const op of c.operations) {
      paths[op.def.path] ??= {};
      paths[op.def.path]![op.def.method.toLowerCase()] = operationObject(bundle, c, op);
    }
  }
  bundle.add('_shared/common.schema.json', '/$defs/errorEnvelope');
  const single = connectors.length === 1 && opts.connectorIds ? connectors[0] : undefined;
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: single ? `NDXP Simulator — ${single.meta.name}` : 'NDXP Gateway Simulator',
      version: opts.version ?? '0.1.0',
      description: single
        ? `${single.meta.name} (${single.meta.owner}). Sinh tự động từ định nghĩa connector và JSON Schema.`
        : 'Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) mô phỏng cho hệ thống giải quyết TTHC cấp tỉnh. Generated from the connector definitions and JSON Schemas. Errors: `{ error: { code, status, message, messageEn, field?, requestId } }`.',
    },
    servers: [{ url: opts.serverUrl ?? '/' }],
    tags: [
      { name: 'oauth2', description: 'Cấp token / token endpoint' },
      ...connectors.map((c) => ({ name: c.id, description: `${c.meta.stt}. ${c.meta.name} — ${c.meta.owner}` })),
    ],
    paths,
    components: {
      schemas: bundle.components,
      securitySchemes: {
        oauth2: {
          type: 'oauth2',
          description: 'OAuth2 client credentials; scope = connector id',
          flows: {
            clientCredentials: {
              tokenUrl: '/token',
              scopes: Object.fromEntries(registry.connectors.map((c) => [c.id, c.meta.name])),
            },
          },
        },
        clientBasic: { type: 'http', scheme: 'basic', description: 'clientId:secret, for POST /token only' },
      },
    },
  };
}
