import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebSocketServer } from 'ws';
import { failStartup, serveControl } from './childControl.ts';

/**
 * Serves `wss` the way @y/websocket-server's own bin does — a plain http server (answering
 * "okay") whose upgrades go to the WebSocket server — on 127.0.0.1 port 0, and reports the port
 * to the bench. For the children that are not Costudio: the reference and the floor.
 */
export function serveWebSocketServer(wss: WebSocketServer): void {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('okay');
  });
  server.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  server.on('error', failStartup);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    serveControl(port, async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
  });
}
