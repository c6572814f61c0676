import type { MessageId } from '../i18n/catalogs.ts';
import { ENGLISH, type Translator } from '../i18n/translator.ts';

/**
 * WebSocket close codes the relay uses, with the reason sent alongside. 4000–4999 are free for
 * applications (RFC 6455 §7.4.2). Clients map them to plain-language messages; documented in
 * docs/protocol.md.
 */
export const CloseCode = {
  /** Server shutting down or restarting; reconnect later. (Standard "going away".) */
  GOING_AWAY: 1001,
  /**
   * The facilitator locked or unlocked the board, so the socket's access changed; it is closed
   * so it reconnects and is authorized afresh. (Standard "service restart", which the stock
   * provider retries at once.)
   */
  ACCESS_CHANGED: 1012,
  /** A frame was not a valid y-websocket message (random bytes, truncated varint…). */
  MALFORMED_MESSAGE: 4400,
  /** The link's token was missing, forged, altered or malformed. */
  UNAUTHORIZED: 4401,
  /** The link's token is valid but grants no access to this board. */
  FORBIDDEN: 4403,
  /** The board id in the URL is not a valid id, or the path is not /sync/<boardId>. */
  INVALID_BOARD_ID: 4404,
  /** The link has expired. */
  LINK_EXPIRED: 4408,
  /** The link has been switched off by the facilitator. */
  LINK_REVOKED: 4410,
  /**
   * The board was deleted (by its facilitator or the operator): nothing of it is kept, and it
   * never comes back. A client clears its local copy and link and stops reconnecting; edits it
   * made offline are refused.
   */
  BOARD_DELETED: 4411,
  /** A frame was larger than MAX_FRAME_BYTES. */
  MESSAGE_TOO_LARGE: 4413,
  /**
   * The connection kept sending over its budget: more messages or bytes than a person's client
   * sends (a token bucket per socket; a short excess is only slowed), or more messages than the
   * relay holds for it while its board is still loading (docs/protocol.md, "Limits").
   * Reconnecting after a pause is fine.
   */
  RATE_LIMITED: 4429,
  /** The board could not be loaded from storage; it is refused rather than served empty. */
  LOAD_FAILED: 4500,
  /** Storage refused the write (e.g. disk full); the update was not applied or relayed. */
  STORAGE_FAILED: 4503,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Close codes after which the client reconnects at once and expects to be back within moments:
 * not worth calling "Offline".
 */
export const RECONNECTING_CLOSE_CODES: ReadonlySet<number> = new Set([CloseCode.ACCESS_CHANGED]);

/**
 * Close codes that mean "the server is in trouble or wants less from you" (storage full, a
 * board that would not load, over budget, an internal error, try again later): the client
 * waits, more each time and with jitter, instead of reconnecting at once and resending its
 * whole state to a server that cannot take it.
 */
export const BACK_OFF_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.RATE_LIMITED,
  CloseCode.LOAD_FAILED,
  CloseCode.STORAGE_FAILED,
  1011, // RFC 6455 internal error
  1013, // RFC 6455 try again later
]);

const CLOSE_MESSAGE: Readonly<Record<number, MessageId>> = {
  [CloseCode.GOING_AWAY]: 'close.goingAway',
  [CloseCode.ACCESS_CHANGED]: 'close.accessChanged',
  [CloseCode.MALFORMED_MESSAGE]: 'close.malformed',
  [CloseCode.UNAUTHORIZED]: 'close.unauthorized',
  [CloseCode.FORBIDDEN]: 'close.forbidden',
  [CloseCode.INVALID_BOARD_ID]: 'close.invalidBoardId',
  [CloseCode.LINK_EXPIRED]: 'close.linkExpired',
  [CloseCode.LINK_REVOKED]: 'close.linkRevoked',
  [CloseCode.BOARD_DELETED]: 'close.boardDeleted',
  [CloseCode.MESSAGE_TOO_LARGE]: 'close.tooLarge',
  [CloseCode.RATE_LIMITED]: 'close.rateLimited',
  [CloseCode.LOAD_FAILED]: 'close.loadFailed',
  [CloseCode.STORAGE_FAILED]: 'close.storageFailed',
};

/** Plain-language explanation of a close code, in `t`'s language; undefined for unknown codes. */
export function describeCloseCode(code: number, t: Translator = ENGLISH): string | undefined {
  const id = CLOSE_MESSAGE[code];
  return id === undefined ? undefined : t.t(id);
}
