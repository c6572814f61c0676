import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { addressGroup } from './clientAddress.ts';

/**
 * Caps open TCP connections (HTTP and WebSocket alike) per client address (IPv6 by /64). A
 * classroom behind one NAT opens a few per person, so the cap (config.ts, 256 by default) is
 * far above that and far below what exhausting the server's file descriptors takes. It is
 * also what bounds how many sockets, each with its own budget, one address can flood with. A
 * connection over the cap is destroyed as it arrives, before anything is read from it. Behind a
 * reverse proxy every connection comes from the proxy, so the cap is the proxy's job there
 * (don't install this).
 */
export class ConnectionCap {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerAddress: number) {}

  /** Starts counting `server`'s connections. */
  install(server: Server): void {
    server.on('connection', this.onConnection);
  }

  private readonly onConnection = (socket: Socket) => {
    const group = addressGroup(socket.remoteAddress ?? '');
    const count = this.open.get(group) ?? 0;
    if (count >= this.maxPerAddress) {
      socket.destroy();
      return;
    }
    this.open.set(group, count + 1);
    socket.once('close', () => {
      const left = (this.open.get(group) ?? 1) - 1;
      if (left <= 0) this.open.delete(group);
      else this.open.set(group, left);
    });
  };
}
