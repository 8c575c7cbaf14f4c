/** Typed SDK exceptions. The gateway's error envelope travels inside, untouched. */
export interface NdxpErrorBody {
  code: string;
  status: number;
  message: string;
  messageEn: string;
  field?: string;
  details?: unknown;
  requestId?: string;
}

/** The platform answered with an error envelope (4xx/5xx). */
export class NdxpApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field?: string;
  readonly requestId?: string;
  /** Seconds the platform asked to wait (503), when it said. */
  readonly retryAfterSec?: number;

  constructor(
    readonly envelope: { error: NdxpErrorBody },
    retryAfterSec?: number,
  ) {
    super(`${envelope.error.code}: ${envelope.error.messageEn}`);
    this.name = 'NdxpApiError';
    this.status = envelope.error.status;
    this.code = envelope.error.code;
    this.field = envelope.error.field;
    this.requestId = envelope.error.requestId;
    this.retryAfterSec = retryAfterSec;
  }

  /** Vietnamese message, for showing to an officer. */
  get messageVi(): string {
    return this.envelope.error.message;
  }
}

/** No usable answer: timeouts, refused connections, or a non-envelope error body (a proxy in between). */
export class NdxpTransportError extends Error {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'network' | 'bad-response',
    readonly attempts: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'NdxpTransportError';
  }
}

export const isErrorEnvelope = (body: unknown): body is { error: NdxpErrorBody } =>
  !!body &&
  typeof body === 'object' &&
  typeof (body as { error?: { code?: unknown } }).error?.code === 'string' &&
  typeof (body as { error: { status?: unknown } }).error.status === 'number';
