import type { WebsocketProvider } from 'y-websocket';

/**
 * Disconnects when the browser says the network is gone and reconnects when it is back. A
 * socket over a dead network can otherwise look open until the relay's heartbeat gives up,
 * while the person's edits silently queue; this way the status says "Offline" at once and the
 * edits are sent the moment the network returns.
 */
export function followBrowserOnline(provider: WebsocketProvider): () => void {
  const onOffline = () => provider.disconnect();
  const onOnline = () => provider.connect();
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  return () => {
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('online', onOnline);
  };
}
