/**
 * The reference relay: @y/websocket-server@0.1.1 as its own bin (src/server.js) starts it — a
 * plain http server whose upgrades go to `setupWSConnection` — but on 127.0.0.1 port 0 and
 * without persistence (YPERSISTENCE unset: documents live in RAM only).
 */
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import { serveWebSocketServer } from './serveWebSocketServer.ts';

const wss = new WebSocketServer({ noServer: true });
wss.on('connection', setupWSConnection);
serveWebSocketServer(wss);
