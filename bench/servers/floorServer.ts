/**
 * The floor: a bare `ws` forwarder with no Yjs at all. Every frame a socket sends is relayed to
 * the other sockets of its room (its URL path), nothing is kept. So that y-websocket clients
 * still reach "synced", a client's sync step 1 is not forwarded but answered with a fixed,
 * empty sync step 2. What Costudio and the reference spend above this is their Yjs and storage
 * work; what the floor spends is `ws` and the event loop.
 */
import type http from 'node:http';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { serveWebSocketServer } from './serveWebSocketServer.ts';

/** messageSync, then messageYjsSyncStep1. */
const SYNC_STEP_1 = [0, 0] as const;
/** messageSync, messageYjsSyncStep2, then an empty Yjs update (no structs, empty delete set) of 2 bytes. */
const EMPTY_SYNC_STEP_2 = new Uint8Array([0, 1, 2, 0, 0]);

const rooms = new Map<string, Set<WebSocket>>();

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
wss.on('connection', (socket: WebSocket, request: http.IncomingMessage) => {
  const name = request.url ?? '/';
  const room = rooms.get(name) ?? new Set<WebSocket>();
  rooms.set(name, room);
  room.add(socket);
  socket.on('message', (data: RawData, isBinary: boolean) => {
    const frame = data as Buffer;
    if (frame[0] === SYNC_STEP_1[0] && frame[1] === SYNC_STEP_1[1]) {
      socket.send(EMPTY_SYNC_STEP_2);
      return;
    }
    for (const other of room)
      if (other !== socket && other.readyState === WebSocket.OPEN) other.send(frame, { binary: isBinary });
  });
  socket.on('close', () => {
    room.delete(socket);
    if (room.size === 0) rooms.delete(name);
  });
});
serveWebSocketServer(wss);
