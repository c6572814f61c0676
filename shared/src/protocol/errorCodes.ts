import type { MessageId } from '../i18n/catalogs.ts';
import { ENGLISH, type Translator } from '../i18n/translator.ts';

/**
 * The stable machine codes of the server's JSON errors, `{"error": {"code", "message"}}`
 * (docs/api.md). The English `message` is for API users; people read the catalog message a
 * client finds for the code (`describeServerError`), so they see their own language.
 */
export const ERROR_CODES = [
  'method_not_allowed',
  'not_found',
  'board_not_found',
  'board_deleted',
  'version_not_found',
  'link_not_found',
  'invalid_link',
  'link_expired',
  'link_revoked',
  'wrong_board',
  'forbidden',
  'not_facilitator',
  'invalid_json',
  'unsupported_media_type',
  'body_too_large',
  'invalid_request',
  'invalid_title',
  'invalid_name',
  'invalid_link_request',
  'invalid_retention',
  'invalid_erasure',
  'invalid_board_file',
  'confirmation_mismatch',
  'too_many_boards',
  'storage_full',
  'client_not_built',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN.has(value);
}

/** The code in a parsed error body, if it is one this version knows. */
export function errorCodeOf(body: unknown): ErrorCode | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return isErrorCode(code) ? code : undefined;
}

/**
 * What a person reads for a failed API call, in `t`'s language: the catalog message for the
 * body's code, else `fallback` (a message for the action that failed), else a generic one.
 * Never the server's own English, which a newer server may send with a code this client lacks.
 */
export function describeServerError(body: unknown, t: Translator = ENGLISH, fallback?: string): string {
  const code = errorCodeOf(body);
  if (code !== undefined) return t.t(`serverError.${code}` satisfies MessageId);
  return fallback ?? t.t('serverError.unknown');
}
