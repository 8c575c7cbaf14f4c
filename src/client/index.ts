/** The SDK entry (`import { createNdxpClient } from 'ndxp-sim'`). The in-process mock kit is `ndxp-sim/mock`. */
export { NdxpClient, createNdxpClient, parseRetryAfter, type CallOptions, type NdxpClientOptions, type RequestOptions, type RetryOptions } from './client.js';
export { NdxpApiError, NdxpTransportError, isErrorEnvelope, type NdxpErrorBody } from './errors.js';
export {
  WEBHOOK_SIGNATURE_HEADER, WebhookRejectedError, readStatusWebhook, signWebhookBody, signWebhookBodyTimestamped, verifyWebhookSignature, type StatusChangeEvent,
} from './webhooks.js';
export { OPERATIONS, type OperationKey, type OperationRequests, type OperationResponses } from './generated/operations.js';
export type * as NdxpTypes from './generated/types.js';
