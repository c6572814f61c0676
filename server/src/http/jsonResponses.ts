import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '@costudio/shared';

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}

/**
 * Errors are `{ "error": { "code": "...", "message": "..." } }`: a stable code from
 * `ERROR_CODES` (docs/api.md), which clients turn into words in the reader's language, and an
 * English message for API users.
 */
export function sendError(
  response: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { error: { code, message } }, headers);
}
