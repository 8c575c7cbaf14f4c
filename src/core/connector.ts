import type { LifecycleDefinition } from './lifecycle.js';
import type { ScenarioDefinition } from './scenarios.js';
import type { FieldProblem } from './schema-compiler.js';

/**
 * The connector contract. A connector is data first (like an n8n declarative node): metadata comes from the
 * reference data by id, operations name their path and schemas, and code appears only in handlers.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Protocol = 'rest' | 'soap' | 'both';

export interface ClientInfo {
  id: string;
  province: string;
  sandbox: boolean;
  scopes: string[];
}

export interface DossierHistoryEntry {
  seq: number;
  from: string | null;
  to: string;
  at: string;
  by: 'province' | 'central';
  note?: string;
}

export interface DossierRecord {
  maHoSo: string;
  connectorId: string;
  lifecycle: string;
  status: string;
  seq: number;
  clientId: string;
  province: string;
  scenario?: string;
  createdAt: string;
  updatedAt: string;
  data: Record<string, unknown>;
  result?: Record<string, unknown>;
  history: DossierHistoryEntry[];
}

/** Stateful dossiers of one connector (implemented over Redis + BullMQ in src/sync). */
export interface DossierPort {
  create(args: {
    lifecycle: string;
    agencyCode: string;
    data: Record<string, unknown>;
    /** Use this dossier code instead of generating one (the province's own code). */
    maHoSo?: string;
  }): Promise<DossierRecord>;
  get(maHoSo: string): Promise<DossierRecord | null>;
  /** The client province's dossiers of this connector, newest first. */
  list(offset: number, limit: number): Promise<{ total: number; items: DossierRecord[] }>;
  /** A province-side move, validated against the lifecycle; throws ILLEGAL_TRANSITION. */
  move(maHoSo: string, to: string, note?: string, patch?: Record<string, unknown>): Promise<DossierRecord>;
}

/** Small JSON records a connector keeps (pushed data, receipts), per province. */
export interface RecordPort {
  get<T = unknown>(collection: string, key: string): Promise<T | null>;
  /** Stores only if absent; returns the stored value and whether it was created now (idempotent pushes). */
  putIfAbsent<T>(collection: string, key: string, value: T): Promise<{ value: T; created: boolean }>;
  put<T>(collection: string, key: string, value: T): Promise<void>;
  list<T = unknown>(collection: string, offset: number, limit: number): Promise<{ total: number; items: T[] }>;
}

export interface OperationContext<Seed = any> {
  connectorId: string;
  operation: string;
  /** Validated input (query + path params for GET, body for POST, SOAP body children), strings in NFC. */
  input: Record<string, any>;
  seed: Seed;
  client: ClientInfo;
  /** Active scenario name, if any. */
  scenario?: string;
  requestId: string;
  now(): Date;
  dossiers: DossierPort;
  records: RecordPort;
  /** Request headers (lower-case names) for the few services that read them (If-None-Match…). */
  headers: Record<string, string | undefined>;
}

export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** Returns a non-200 status or extra headers from a handler: `return reply(201, body)`. */
export const reply = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Reply(status, body, headers);

export type OperationHandler<Seed = any> = (ctx: OperationContext<Seed>) => unknown | Promise<unknown>;

export interface OperationExample {
  query?: Record<string, string>;
  body?: unknown;
}

export interface OperationDefinition<Seed = any> {
  summary: string;
  summaryEn?: string;
  method: HttpMethod;
  /** Real-looking service path, `{name}` for path parameters. */
  path: string;
  /** Also served over SOAP 1.1 at the connector's soap.path under this SOAPAction. */
  soapAction?: string;
  /** Schema file stems under schemas/<id>/v1/ (default `<operation>.request` / `<operation>.response`). */
  requestSchema?: string;
  responseSchema?: string;
  /** Scope the token must carry (default: the connector id). */
  scope?: string;
  /** Purposes (indexes into the reference purposes) this operation serves. */
  serves: number[];
  example: OperationExample;
  handler: OperationHandler<Seed>;
}

/** A shared key-value store with expiry (Redis underneath, so every gateway instance sees the same values). */
export interface KeyValuePort {
  get(key: string): Promise<string | null>;
  /** Stores a value; with `ifAbsent` only when the key is free (returns whether it was stored). */
  set(key: string, value: string, opts?: { ttlMs?: number; ifAbsent?: boolean }): Promise<boolean>;
  /** Reads and deletes in one atomic step (one-time codes). */
  take(key: string): Promise<string | null>;
  del(key: string): Promise<void>;
}

/** What the gateway hands a connector's own HTTP routes (see ConnectorDefinition.routes). */
export interface RouteContext<Seed = any> {
  connectorId: string;
  basePath: string;
  seed: Seed;
  /** Namespaced to this connector. */
  kv: KeyValuePort;
  now(): Date;
  /** The platform's clients (the provinces' TTHC systems). */
  clients: {
    get(id: string): Promise<ClientInfo | null>;
    /** Checks a client id and secret; null when unknown, revoked or wrong. */
    authenticate(id: string, secret: string): Promise<ClientInfo | null>;
    /** The client behind a live platform Bearer token that carries this connector's scope; throws NdxpError 401/403. */
    bearer(authorization: string | undefined): Promise<ClientInfo>;
  };
  /** Validates a value against schemas/<connectorId>/v1/<stem>.schema.json (exact types): null when valid. */
  validate(stem: string, value: unknown): FieldProblem[] | null;
  logError(message: string, meta?: Record<string, unknown>): void;
}

/** A plain node/express request handler (an express Router is one); typed loosely so core stays free of express. */
export type HttpHandler = (req: any, res: any, next: (err?: unknown) => void) => void;

/**
 * Endpoints that follow another protocol than the JSON operation pipeline (e.g. an OpenID Connect provider: form
 * bodies, redirects, HTML). The gateway mounts `build(ctx)` under `basePath` and journals every call; a handler may set
 * `res.locals.clientId` to name the calling client in the journal.
 */
export interface ConnectorRoutes<Seed = any> {
  basePath: string;
  build(ctx: RouteContext<Seed>): HttpHandler;
}

export interface ConnectorDefinition<Seed = any> {
  /** Equals an id of reference/ndxp-systems.json; metadata (stt, name, owner, purposes) is taken from there. */
  id: string;
  protocol: Protocol;
  /** SOAP endpoint and namespace, when protocol is soap or both. */
  soap?: { path: string; namespace: string };
  /** Agency code (mã định danh, QĐ 20/2020) of the central system, used in dossier codes and X-Road addresses. */
  agencyCode: string;
  operations: Record<string, OperationDefinition<Seed>>;
  /** Seed collections → schema stem under schemas/<id>/v1/ that each record must validate against. */
  seedSchemas?: Record<string, string>;
  lifecycles?: Record<string, LifecycleDefinition>;
  /** Connector-specific scenarios, in addition to the built-in ones. */
  scenarios?: ScenarioDefinition[];
  /** Own HTTP endpoints beside the operations (a protocol the pipeline does not speak). */
  routes?: ConnectorRoutes<Seed>;
}

export function defineConnector<Seed = any>(def: ConnectorDefinition<Seed>): ConnectorDefinition<Seed> {
  return def;
}
