import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature, type StatusChangeBody } from '../sync/webhooks/payload.js';

/** What the receiver does with one request: answer 200, fail (503), garbage (500 + junk), hang (never answer), slow. */
export type ReceiverFault = 'ok' | 'fail' | 'garbage' | 'hang' | 'slow';

/**
 * A TTHC system's webhook endpoint, as a rehearsal needs it: checks the HMAC signature, applies each event once
 * (deduplicated by Idempotency-Key) and checks that a dossier's events arrive in order. Faults are injected per
 * request by `fault`, so tests and the simulation can make it fail, hang or answer garbage.
 */
export class WebhookReceiver {
  readonly applied = new Map<string, StatusChangeBody>();
  /** `connectorId:maHoSo` → seqs in the order they were applied. */
  readonly byDossier = new Map<string, number[]>();
  requests = 0;
  duplicates = 0;
  badSignatures = 0;
  outOfOrder = 0;
  failedOnPurpose = 0;
  /** Requests that carried a batch of events. */
  batches = 0;
  /** Requests being handled right now (a sender killed meanwhile never sees their answer). */
  inFlight = 0;
  fault: (body: StatusChangeBody, attempt: number) => ReceiverFault = () => 'ok';
  onApplied?: (body: StatusChangeBody) => void | Promise<void>;
  private server?: http.Server;
  private readonly hanging = new Set<http.ServerResponse>();

  constructor(readonly secret: string) {}

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const { port: p } = this.server.address() as AddressInfo;
    return `http://${host}:${p}/webhooks/ndxp`;
  }

  async close(): Promise<void> {
    for (const r of this.hanging) r.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  get appliedCount(): number {
    return this.applied.size;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.inFlight++;
    res.once('close', () => this.inFlight--);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    this.requests++;
    if (!verifySignature(this.secret, raw, req.headers['x-ndxp-signature'] as string | undefined)) {
      this.badSignatures++;
      res.writeHead(401).end('bad signature');
      return;
    }
    // One event, or a batch `{"events": [...]}` (a subscription with batchSize > 1): each event is applied by its id.
    const parsed = JSON.parse(raw) as StatusChangeBody | { events: StatusChangeBody[] };
    const events = 'events' in parsed ? parsed.events : [parsed];
    if ('events' in parsed) this.batches++;
    const body = events[0]!;
    const attempt = Number(req.headers['x-ndxp-delivery-attempt'] ?? '1');
    const fault = this.fault(body, attempt);
    if (fault === 'hang') {
      this.hanging.add(res);
      res.once('close', () => this.hanging.delete(res));
      return;
    }
    if (fault === 'fail' || fault === 'garbage') {
      this.failedOnPurpose++;
      if (fault === 'fail') res.writeHead(503, { 'retry-after': '1' }).end();
      else res.writeHead(500, { 'content-type': 'text/html' }).end('<html><body>\u0000\u00ff garbage <<<');
      return;
    }
    if (fault === 'slow') await new Promise((r) => setTimeout(r, 200));
    // A single event's key is its Idempotency-Key header, which equals its id.
    for (const e of events) await this.apply('events' in parsed ? e.id : String(req.headers['idempotency-key']), e);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  }

  private async apply(key: string, body: StatusChangeBody): Promise<void> {
    if (this.applied.has(key)) {
      this.duplicates++;
      return;
    }
    this.applied.set(key, body);
    const dossier = `${body.connectorId}:${body.maHoSo}`;
    const seqs = this.byDossier.get(dossier) ?? [];
    if (seqs.length && body.seq <= seqs[seqs.length - 1]!) this.outOfOrder++;
    seqs.push(body.seq);
    this.byDossier.set(dossier, seqs);
    await this.onApplied?.(body);
  }
}
