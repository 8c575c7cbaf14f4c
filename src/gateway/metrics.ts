import client from 'prom-client';

/** Prometheus metrics of one gateway instance (its own registry, so tests can run several apps in one process). */
export class GatewayMetrics {
  readonly registry = new client.Registry();
  private readonly requests: client.Counter<'connector' | 'operation' | 'status' | 'protocol'>;
  private readonly latency: client.Histogram<'connector' | 'operation'>;

  constructor() {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'ndxp_process_' });
    this.requests = new client.Counter({
      name: 'ndxp_requests_total',
      help: 'Gateway calls by connector, operation, HTTP status and protocol',
      labelNames: ['connector', 'operation', 'status', 'protocol'],
      registers: [this.registry],
    });
    this.latency = new client.Histogram({
      name: 'ndxp_request_duration_seconds',
      help: 'Gateway call latency (including simulated scenarios)',
      labelNames: ['connector', 'operation'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [this.registry],
    });
  }

  observe(connector: string, operation: string, status: number, protocol: string, seconds: number): void {
    this.requests.inc({ connector, operation, status: String(status), protocol });
    this.latency.observe({ connector, operation }, seconds);
  }
}
