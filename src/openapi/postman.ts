import type { OpenApiDocument } from './openapi.js';

/**
 * A Postman collection v2.1 (Insomnia imports it too) generated from the OpenAPI document: one folder per
 * connector, one request per operation with its example, OAuth2 client credentials at collection level.
 */
const METHODS = ['get', 'post', 'put', 'delete'] as const;

interface PostmanItem {
  name: string;
  request: Record<string, unknown>;
}

function urlOf(path: string, query: Array<{ key: string; value: string }>) {
  const pmPath = path.replace(/\{([^}]+)\}/g, ':$1');
  const qs = query.length ? `?${query.map((q) => `${q.key}=${encodeURIComponent(q.value)}`).join('&')}` : '';
  return {
    raw: `{{baseUrl}}${pmPath}${qs}`,
    host: ['{{baseUrl}}'],
    path: pmPath.split('/').filter(Boolean),
    ...(query.length ? { query } : {}),
  };
}

function itemFor(path: string, method: string, op: Record<string, any>): PostmanItem {
  const params = (op.parameters ?? []) as Array<Record<string, any>>;
  const query = params
    .filter((p) => p.in === 'query' && (p.required || p.example !== undefined))
    .map((p) => ({ key: p.name as string, value: p.example !== undefined ? String(p.example) : '' }));
  const scenario = params.find((p) => p.name === 'X-Mock-Scenario');
  const header = [
    ...(scenario ? [{ key: 'X-Mock-Scenario', value: '', disabled: true, description: `one of: ${(scenario.schema.enum as string[]).join(', ')}` }] : []),
  ];
  const json = op.requestBody?.content?.['application/json'];
  const form = op.requestBody?.content?.['application/x-www-form-urlencoded'];
  const body = json
    ? { mode: 'raw', raw: JSON.stringify(json.example ?? {}, null, 2), options: { raw: { language: 'json' } } }
    : form
      ? { mode: 'urlencoded', urlencoded: [{ key: 'grant_type', value: 'client_credentials' }] }
      : undefined;
  if (json) header.push({ key: 'Content-Type', value: 'application/json', disabled: false, description: '' });
  const isToken = op.operationId === 'token';
  return {
    name: `${op.operationId}: ${op.summary}`,
    request: {
      method: method.toUpperCase(),
      header,
      url: urlOf(path, query),
      description: op.description ?? '',
      ...(body ? { body } : {}),
      ...(isToken
        ? { auth: { type: 'basic', basic: [{ key: 'username', value: '{{clientId}}' }, { key: 'password', value: '{{clientSecret}}' }] } }
        : {}),
    },
  };
}

export function buildPostmanCollection(doc: OpenApiDocument): Record<string, unknown> {
  const folders = new Map<string, PostmanItem[]>();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
    for (const m of METHODS) {
      const op = ops[m];
      if (!op) continue;
      const tag = (op.tags?.[0] as string) ?? 'other';
      if (!folders.has(tag)) folders.set(tag, []);
      folders.get(tag)!.push(itemFor(path, m, op));
    }
  }
  const tagDescription = new Map(((doc.tags ?? []) as Array<{ name: string; description?: string }>).map((t) => [t.name, t.description ?? '']));
  return {
    info: {
      name: doc.info.title,
      description: doc.info.description,
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    auth: {
      type: 'oauth2',
      oauth2: [
        { key: 'grant_type', value: 'client_credentials', type: 'string' },
        { key: 'accessTokenUrl', value: '{{baseUrl}}/token', type: 'string' },
        { key: 'clientId', value: '{{clientId}}', type: 'string' },
        { key: 'clientSecret', value: '{{clientSecret}}', type: 'string' },
        { key: 'client_authentication', value: 'header', type: 'string' },
        { key: 'addTokenTo', value: 'header', type: 'string' },
      ],
    },
    variable: [
      { key: 'baseUrl', value: 'http://localhost:8080' },
      { key: 'clientId', value: 'tthc-an-giang' },
      { key: 'clientSecret', value: 'sandbox-secret' },
    ],
    item: [...folders].map(([name, item]) => ({ name, description: tagDescription.get(name) ?? '', item })),
  };
}
