import { CloseCode, MAX_FRAME_BYTES } from '@costudio/shared';
import { WebSocket } from 'ws';
import type { Connection } from './Connection.ts';

/** ws closes with 1009 when a frame exceeds `maxPayload`; Costudio documents its own code. */
const WS_MESSAGE_TOO_BIG = 1009;

/**
 * The server's socket class (passed to WebSocketServer as `WebSocket`). It carries its
 * Connection, so one set of listener functions serves every socket, and it turns ws's built-in
 * "message too big" close into CloseCode.MESSAGE_TOO_LARGE with a reason naming the limit.
 */
export class RelaySocket extends WebSocket {
  connection: Connection | null = null;

  override close(code?: number, reason?: string | Buffer): void {
    if (code === WS_MESSAGE_TOO_BIG) {
      super.close(CloseCode.MESSAGE_TOO_LARGE, `Frame larger than ${MAX_FRAME_BYTES} bytes`);
      return;
    }
    super.close(code, reason);
  }
}
