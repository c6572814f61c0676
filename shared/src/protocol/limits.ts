/**
 * Limits enforced by the relay, documented in docs/protocol.md. A frame above MAX_FRAME_BYTES
 * closes that connection with CloseCode.MESSAGE_TOO_LARGE; the board id rule keeps ids safe in
 * URLs, file names and SQL keys.
 */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** Letters, digits, '-' and '_', 1 to 64 characters. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidBoardId(value: string): boolean {
  return BOARD_ID_PATTERN.test(value);
}

/** Path prefix of the sync endpoint: sockets connect to `${SYNC_PATH}/<boardId>`. */
export const SYNC_PATH = '/sync';
