/**
 * The one error catalog (like fastify's lib/errors.js): every error the simulator returns is created from here,
 * so codes, HTTP statuses and the Vietnamese/English messages stay stable and documented in one place.
 */
export interface ErrorSpec {
  status: number;
  vi: string;
  en: string;
}

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu yêu cầu không hợp lệ', en: 'The request is not valid' },
  UNKNOWN_FIELD: { status: 400, vi: 'Trường không được phép', en: 'Field is not allowed' },
  MALFORMED_JSON: { status: 400, vi: 'Nội dung JSON không đúng cú pháp', en: 'Malformed JSON body' },
  MALFORMED_XML: { status: 400, vi: 'Nội dung XML/SOAP không đúng cú pháp', en: 'Malformed XML/SOAP body' },
  XML_DTD_FORBIDDEN: {
    status: 400,
    vi: 'Không chấp nhận DTD/thực thể XML (DOCTYPE, ENTITY)',
    en: 'XML DTDs and entity declarations are not accepted',
  },
  SOAP_ACTION_UNKNOWN: { status: 400, vi: 'SOAPAction không được hỗ trợ', en: 'Unknown SOAPAction' },
  INVALID_GRANT: { status: 400, vi: 'grant_type không được hỗ trợ', en: 'Unsupported grant_type' },
  INVALID_SCOPE: { status: 400, vi: 'Phạm vi (scope) yêu cầu không được cấp', en: 'Requested scope is not granted' },
  UNAUTHENTICATED: { status: 401, vi: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn', en: 'Not signed in or the session expired' },
  SIGN_IN_FAILED: { status: 401, vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'Wrong user name or password' },
  INVALID_CLIENT: { status: 401, vi: 'Sai thông tin xác thực ứng dụng', en: 'Client authentication failed' },
  TOKEN_MISSING: { status: 401, vi: 'Thiếu access token', en: 'Access token is missing' },
  TOKEN_INVALID: { status: 401, vi: 'Access token không hợp lệ', en: 'Access token is invalid' },
  TOKEN_EXPIRED: { status: 401, vi: 'Access token đã hết hạn hoặc bị thu hồi', en: 'Access token expired or revoked' },
  SCOPE_FORBIDDEN: {
    status: 403,
    vi: 'Ứng dụng chưa được cấp quyền dịch vụ này',
    en: 'The client is not granted this service',
  },
  PURPOSE_FORBIDDEN: {
    status: 403,
    vi: 'Mục đích khai thác không cho phép truy cập trường dữ liệu này',
    en: 'The stated purpose does not allow these fields',
  },
  FORBIDDEN: { status: 403, vi: 'Không có quyền thực hiện thao tác này', en: 'Not allowed' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy đường dẫn dịch vụ', en: 'No such service path' },
  RECORD_NOT_FOUND: { status: 404, vi: 'Không tìm thấy bản ghi', en: 'Record not found' },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  CONFLICT: { status: 409, vi: 'Trạng thái hiện tại không cho phép thao tác này', en: 'The current state does not allow this' },
  ILLEGAL_TRANSITION: {
    status: 409,
    vi: 'Chuyển trạng thái không hợp lệ',
    en: 'Illegal status transition',
  },
  GATE_NOT_PASSED: { status: 409, vi: 'Chưa đủ bằng chứng để chuyển sang giai đoạn này', en: 'Evidence for this stage is missing' },
  ALREADY_EXISTS: { status: 409, vi: 'Đã tồn tại', en: 'Already exists' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Nội dung yêu cầu quá lớn', en: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Kiểu nội dung (Content-Type) không được hỗ trợ',
    en: 'Unsupported Content-Type',
  },
  RATE_LIMITED: { status: 429, vi: 'Vượt quá hạn mức gọi dịch vụ', en: 'Too many requests' },
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống', en: 'Internal error' },
  UPSTREAM_ERROR: { status: 502, vi: 'Hệ thống nguồn trả về lỗi', en: 'The upstream system returned an error' },
  UPSTREAM_UNAVAILABLE: {
    status: 503,
    vi: 'Hệ thống nguồn tạm thời không phục vụ, vui lòng thử lại',
    en: 'The upstream system is temporarily unavailable, retry later',
  },
  MAINTENANCE: { status: 503, vi: 'Hệ thống đang bảo trì', en: 'The system is under maintenance' },
  GATEWAY_TIMEOUT: { status: 504, vi: 'Hệ thống nguồn không phản hồi kịp', en: 'The upstream system timed out' },
  SERVICE_NOT_READY: { status: 503, vi: 'Dịch vụ chưa sẵn sàng', en: 'Service not ready' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** The documented error body: `{ error: { code, status, message, messageEn, field?, details?, requestId } }`. */
export interface ErrorEnvelope {
  error: {
    code: ErrorCode;
    status: number;
    message: string;
    messageEn: string;
    field?: string;
    details?: unknown;
    requestId?: string;
  };
}

export interface NdxpErrorOptions {
  field?: string;
  /** Appended to both messages, e.g. the field's own rule. */
  detailVi?: string;
  detailEn?: string;
  details?: unknown;
  headers?: Record<string, string>;
}

export class NdxpError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly field?: string;
  readonly details?: unknown;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, options: NdxpErrorOptions = {}) {
    const spec = ERRORS[code];
    const vi = options.detailVi ? `${spec.vi}: ${options.detailVi}` : spec.vi;
    const en = options.detailEn ? `${spec.en}: ${options.detailEn}` : spec.en;
    super(en);
    this.name = 'NdxpError';
    this.code = code;
    this.status = spec.status;
    this.messageVi = vi;
    this.messageEn = en;
    this.field = options.field;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  toEnvelope(requestId?: string): ErrorEnvelope {
    return {
      error: {
        code: this.code,
        status: this.status,
        message: this.messageVi,
        messageEn: this.messageEn,
        ...(this.field !== undefined ? { field: this.field } : {}),
        ...(this.details !== undefined ? { details: this.details } : {}),
        ...(requestId ? { requestId } : {}),
      },
    };
  }
}

export const isNdxpError = (e: unknown): e is NdxpError => e instanceof NdxpError;
