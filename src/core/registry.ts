import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { ConnectorDefinition, HttpMethod, OperationDefinition, OperationExample } from './connector.js';
import { defineLifecycle } from './lifecycle.js';
import type { ReferenceData, ReferenceSystem } from './reference.js';
import { BUILT_IN_SCENARIOS, type ScenarioDefinition } from './scenarios.js';
import { getCompiled, loadSchemas, SCHEMA_BASE, type SchemaSet } from './schema-compiler.js';
import { shapeBySchemaFile } from './xml-shape.js';

/** Start-up refuses a bad connector with a message naming it and the field at fault. */
export class ConnectorLoadError extends Error {
  constructor(
    readonly connectorId: string,
    readonly field: string,
    reason: string,
  ) {
    super(`connector "${connectorId}": ${field}: ${reason}`);
    this.name = 'ConnectorLoadError';
  }
}

export interface LoadedOperation {
  name: string;
  connectorId: string;
  def: OperationDefinition;
  /** The example with seed references resolved: a request that succeeds against the seeded mock. */
  example: OperationExample;
  scope: string;
  requestSchema: string;
  responseSchema: string;
  /** JSON bodies: exact types. */
  validateBody: ValidateFunction;
  /** Query strings / SOAP: text coerced to the schema's types. */
  validateText: ValidateFunction;
  /** Text input (SOAP, query) shaped by the request schema: lone XML elements become the arrays it declares. */
  shapeText: (input: Record<string, unknown>) => Record<string, unknown>;
  validateResponse: ValidateFunction;
}

/** A validator compiled on its first call, or by `warm()`; `compile` throws the ConnectorLoadError naming it. */
function lazyValidator(compile: () => ValidateFunction, pending: Array<() => void>): ValidateFunction {
  let fn: ValidateFunction | undefined;
  const ensure = () => (fn ??= compile());
  const wrapper = ((data: unknown) => {
    const ok = ensure()(data);
    wrapper.errors = fn!.errors;
    return ok;
  }) as ValidateFunction;
  pending.push(ensure);
  return wrapper;
}

/** Resolves `"$seed:collection.0.Field"` placeholders in examples against the seed, so examples follow the data. */
export function resolveSeedRefs(value: unknown, seed: Record<string, unknown>, where: string): unknown {
  if (typeof value === 'string' && value.startsWith('$seed:')) {
    let cur: unknown = seed;
    for (const part of value.slice(6).split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
    if (cur === undefined) throw new Error(`${where}: ${value} does not resolve in the seed`);
    return cur;
  }
  if (Array.isArray(value)) return value.map((v, i) => resolveSeedRefs(v, seed, `${where}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveSeedRefs(v, seed, `${where}.${k}`)]));
  }
  return value;
}

export interface LoadedConnector {
  id: string;
  def: ConnectorDefinition;
  meta: ReferenceSystem;
  operations: LoadedOperation[];
  operation(name: string): LoadedOperation | undefined;
  scenarios: ScenarioDefinition[];
  scenario(name: string): ScenarioDefinition | undefined;
  seed: Record<string, unknown[]>;
}

export interface CatalogOperation {
  name: string;
  summary: string;
  summaryEn?: string;
  method: HttpMethod;
  path: string;
  soapAction?: string;
  contentType: string;
  scope: string;
  requestSchema: string;
  responseSchema: string;
  example: OperationExample;
}

export interface CatalogEntry {
  id: string;
  stt: number;
  name: string;
  owner: string;
  protocol: string;
  kinds: string[];
  purposes: Array<{ text: string; operations: string[] }>;
  lead: string[];
  coordinating: string[];
  soap?: { path: string; namespace: string; wsdl: string };
  /** Where the connector's own (non-pipeline) endpoints live, e.g. an OpenID Connect provider. */
  routesBasePath?: string;
  operations: CatalogOperation[];
  scenarios: Array<{ name: string; description: string; descriptionEn?: string; builtIn: boolean }>;
}

export interface Registry {
  connectors: LoadedConnector[];
  get(id: string): LoadedConnector | undefined;
  schemas: SchemaSet;
  reference: ReferenceData;
  catalog(): CatalogEntry[];
  /** Compiles every response validator (start-up does it just after listening; tests may await it). */
  warmUp(): Promise<void>;
}

export interface RegistryOptions {
  definitions: ConnectorDefinition[];
  reference: ReferenceData;
  schemasDir: string;
  mocksDir: string;
}

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];
const ID_RE = /^[a-z][a-z0-9-]*$/;
/** Paths of the platform itself, which a connector's own routes may not take. */
const RESERVED_PATHS = ['/api', '/token', '/health', '/metrics'];

async function readSeed(mocksDir: string, id: string): Promise<Record<string, unknown[]>> {
  try {
    return JSON.parse(await readFile(path.join(mocksDir, id, 'seed.json'), 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConnectorLoadError(id, `mocks/${id}/seed.json`, (e as Error).message);
  }
}

function checkOperation(def: ConnectorDefinition, name: string, op: OperationDefinition, purposeCount: number) {
  const fail = (field: string, reason: string) => {
    throw new ConnectorLoadError(def.id, `operations.${name}.${field}`, reason);
  };
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) fail('name', 'operation names are camelCase identifiers');
  if (!METHODS.includes(op.method)) fail('method', `must be one of ${METHODS.join(', ')}`);
  if (!op.path?.startsWith('/')) fail('path', 'must start with "/"');
  if (typeof op.handler !== 'function') fail('handler', 'must be a function');
  if (!op.summary) fail('summary', 'is required');
  if (!op.example || typeof op.example !== 'object') fail('example', 'is required (a request that succeeds)');
  if (op.soapAction && def.protocol === 'rest') fail('soapAction', 'the connector protocol is "rest"');
  if (!Array.isArray(op.serves)) fail('serves', 'must list the purpose indexes it serves');
  for (const i of op.serves) if (!(i >= 0 && i < purposeCount)) fail('serves', `purpose index ${i} does not exist`);
}

export async function loadRegistry(opts: RegistryOptions): Promise<Registry> {
  const schemas = await loadSchemas(opts.schemasDir);
  // Validators compiled later: response schemas (warmUp) and request forms no transport uses (only if asked).
  const responseCompiles: Array<() => void> = [];
  const unused: Array<() => void> = [];
  const refById = new Map(opts.reference.systems.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const routes = new Map<string, string>();
  const routeBases = new Map<string, string>();
  const connectors: LoadedConnector[] = [];

  for (const def of opts.definitions) {
    const id = def?.id;
    if (!id || !ID_RE.test(id)) throw new ConnectorLoadError(String(id), 'id', 'must be a kebab-case id');
    if (seen.has(id)) throw new ConnectorLoadError(id, 'id', 'registered twice');
    seen.add(id);
    const meta = refById.get(id);
    if (!meta) throw new ConnectorLoadError(id, 'id', 'is not a system of reference/ndxp-systems.json');
    if (!['rest', 'soap', 'both'].includes(def.protocol)) throw new ConnectorLoadError(id, 'protocol', 'rest | soap | both');
    if (def.protocol !== 'rest' && !def.soap) throw new ConnectorLoadError(id, 'soap', 'SOAP connectors need soap.path and soap.namespace');
    if (!/^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/.test(def.agencyCode ?? '')) {
      throw new ConnectorLoadError(id, 'agencyCode', 'must be a mã định danh like 000.00.00.H30');
    }
    for (const [name, lc] of Object.entries(def.lifecycles ?? {})) {
      try {
        defineLifecycle(lc);
      } catch (e) {
        throw new ConnectorLoadError(id, `lifecycles.${name}`, (e as Error).message);
      }
    }

    if (def.routes) {
      const base = def.routes.basePath;
      if (!/^(\/[A-Za-z0-9._-]+)+$/.test(base ?? '') || RESERVED_PATHS.some((r) => base === r || base.startsWith(`${r}/`))) {
        throw new ConnectorLoadError(id, 'routes.basePath', `must be a path like /vneid/oidc outside ${RESERVED_PATHS.join(', ')}`);
      }
      const owner = routeBases.get(base);
      if (owner) throw new ConnectorLoadError(id, 'routes.basePath', `${base} is already mounted by ${owner}`);
      routeBases.set(base, id);
      if (typeof def.routes.build !== 'function') throw new ConnectorLoadError(id, 'routes.build', 'must be a function');
    }

    const seed = await readSeed(opts.mocksDir, id);
    const operations: LoadedOperation[] = [];
    const entries = Object.entries(def.operations ?? {});
    if (entries.length === 0) throw new ConnectorLoadError(id, 'operations', 'at least one operation is required');
    for (const [name, op] of entries) {
      checkOperation(def, name, op, meta.purposes.length);
      const routeKey = `${op.method} ${op.path.replace(/\{[^}]+\}/g, '{}')}`;
      const other = routes.get(routeKey);
      if (other) throw new ConnectorLoadError(id, `operations.${name}.path`, `${routeKey} is already served by ${other}`);
      routes.set(routeKey, `${id}.${name}`);
      const requestSchema = `${id}/v1/${op.requestSchema ?? `${name}.request`}.schema.json`;
      const responseSchema = `${id}/v1/${op.responseSchema ?? `${name}.response`}.schema.json`;
      const compile = (ajv: SchemaSet['strict'], rel: string, field: string) => {
        try {
          return getCompiled(ajv, rel);
        } catch (e) {
          throw new ConnectorLoadError(id, `operations.${name}.${field}`, (e as Error).message);
        }
      };
      // A GET is only ever validated as text and a JSON POST only as a body: compile at start what the transport
      // uses (so a broken schema still stops start-up), and the other form only if something asks for it.
      const readsText = op.method === 'GET' || op.method === 'DELETE' || !!op.soapAction;
      const readsBody = op.method !== 'GET' && op.method !== 'DELETE';
      const validateBody = readsBody ? compile(schemas.strict, requestSchema, 'requestSchema') : lazyValidator(() => compile(schemas.strict, requestSchema, 'requestSchema'), unused);
      const validateText = readsText ? compile(schemas.coercing, requestSchema, 'requestSchema') : lazyValidator(() => compile(schemas.coercing, requestSchema, 'requestSchema'), unused);
      // Response schemas: present now, compiled by warmUp() right after start (or on first use), so start-up stays fast.
      if (!schemas.ids.includes(SCHEMA_BASE + responseSchema)) {
        throw new ConnectorLoadError(id, `operations.${name}.responseSchema`, `schema ${responseSchema} not found (expected file schemas/${responseSchema})`);
      }
      const validateResponse = lazyValidator(() => compile(schemas.strict, responseSchema, 'responseSchema'), responseCompiles);
      let example: OperationExample;
      try {
        example = resolveSeedRefs(op.example, seed, 'example') as OperationExample;
      } catch (e) {
        throw new ConnectorLoadError(id, `operations.${name}.example`, (e as Error).message);
      }
      operations.push({
        name,
        connectorId: id,
        def: op,
        example,
        scope: op.scope ?? id,
        requestSchema,
        responseSchema,
        validateBody,
        validateText,
        shapeText: (input) => shapeBySchemaFile(schemas.coercing, input, requestSchema) as Record<string, unknown>,
        validateResponse,
      });
    }
    for (const i of meta.purposes.keys()) {
      if (!operations.some((o) => o.def.serves.includes(i))) {
        throw new ConnectorLoadError(id, `purposes[${i}]`, 'no operation serves this purpose of the appendix');
      }
    }
    for (const [collection, stem] of Object.entries(def.seedSchemas ?? {})) {
      try {
        getCompiled(schemas.strict, `${id}/v1/${stem}.schema.json`);
      } catch (e) {
        throw new ConnectorLoadError(id, `seedSchemas.${collection}`, (e as Error).message);
      }
    }
    const scenarios = [...BUILT_IN_SCENARIOS, ...(def.scenarios ?? [])];
    const names = new Set<string>();
    for (const s of scenarios) {
      if (names.has(s.name)) throw new ConnectorLoadError(id, `scenarios.${s.name}`, 'declared twice');
      names.add(s.name);
      for (const o of [s.expect.operation, s.expect.then?.operation, ...(s.operations ?? [])]) {
        if (o && !def.operations[o]) throw new ConnectorLoadError(id, `scenarios.${s.name}`, `unknown operation "${o}"`);
      }
    }
    const opByName = new Map(operations.map((o) => [o.name, o]));
    const scenarioByName = new Map(scenarios.map((s) => [s.name, s]));
    connectors.push({
      id,
      def,
      meta,
      operations,
      operation: (n) => opByName.get(n),
      scenarios,
      scenario: (n) => scenarioByName.get(n),
      seed,
    });
  }
  connectors.sort((a, b) => a.meta.stt - b.meta.stt);
  const byId = new Map(connectors.map((c) => [c.id, c]));
  const builtIn = new Set(BUILT_IN_SCENARIOS.map((s) => s.name));

  const catalog = (): CatalogEntry[] =>
    connectors.map((c) => ({
      id: c.id,
      stt: c.meta.stt,
      name: c.meta.name,
      owner: c.meta.owner,
      protocol: c.def.protocol,
      kinds: c.meta.kinds,
      purposes: c.meta.purposes.map((text, i) => ({
        text,
        operations: c.operations.filter((o) => o.def.serves.includes(i)).map((o) => o.name),
      })),
      lead: c.meta.anGiang.lead,
      coordinating: c.meta.anGiang.coordinating,
      ...(c.def.soap ? { soap: { ...c.def.soap, wsdl: `${c.def.soap.path}?wsdl` } } : {}),
      ...(c.def.routes ? { routesBasePath: c.def.routes.basePath } : {}),
      operations: c.operations.map((o) => ({
        name: o.name,
        summary: o.def.summary,
        ...(o.def.summaryEn ? { summaryEn: o.def.summaryEn } : {}),
        method: o.def.method,
        path: o.def.path,
        ...(o.def.soapAction ? { soapAction: o.def.soapAction } : {}),
        contentType: 'application/json',
        scope: o.scope,
        requestSchema: o.requestSchema,
        responseSchema: o.responseSchema,
        example: o.example,
      })),
      scenarios: c.scenarios.map((s) => ({
        name: s.name,
        description: s.description,
        ...(s.descriptionEn ? { descriptionEn: s.descriptionEn } : {}),
        builtIn: builtIn.has(s.name),
      })),
    }));

  /** Compiles the response validators in small slices between other work; rejects with the ConnectorLoadError. */
  const warmUp = async () => {
    for (const [i, ensure] of responseCompiles.entries()) {
      ensure();
      if (i % 8 === 7) await new Promise((r) => setImmediate(r));
    }
  };
  return { connectors, get: (id) => byId.get(id), schemas, reference: opts.reference, catalog, warmUp };
}
