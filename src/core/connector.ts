import type { LifecycleDefinition } from './lifecycle.js';
import type { ScenarioDefinition } from './scenarios.js';

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
}

export function defineConnector<Seed = any>(def: ConnectorDefinition<Seed>): ConnectorDefinition<Seed> {
  return def;
}
