/**
 * Errors of the OpenID Connect endpoints. They follow the protocol (RFC 6749 §5.2, OIDC Core §3.1.2.6), not the
 * gateway's JSON envelope: an ordinary OIDC client library must understand them. `error_description` stays ASCII as
 * RFC 6749 requires; the Vietnamese text rides beside it in `error_description_vi`.
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_token'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'login_required'
  | 'request_not_supported'
  | 'request_uri_not_supported'
  | 'unmet_authentication_requirements'
  | 'invalid_redirect_uri'
  | 'invalid_client_metadata'
  | 'server_error';

export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly descriptionVi: string,
    readonly descriptionEn: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(descriptionEn);
    this.name = 'OAuthError';
  }

  toJSON() {
    return { error: this.error, error_description: this.descriptionEn, error_description_vi: this.descriptionVi };
  }

  /** As query parameters of an error redirect back to the client. */
  toParams(): Record<string, string> {
    return { error: this.error, error_description: this.descriptionEn };
  }
}

/** An error shown to the person in the browser: the client or its redirect_uri cannot be trusted to receive it. */
export class PageError extends Error {
  constructor(
    readonly status: number,
    readonly titleVi: string,
    readonly detailVi: string,
    readonly detailEn: string,
  ) {
    super(detailEn);
    this.name = 'PageError';
  }
}
