import type { WebsocketProvider } from 'y-websocket';

/**
 * Re-announces this person's presence with a new awareness clock each time the board's socket
 * opens. When a socket closes (a lock or unlock reconnects every participant) the relay drops the
 * person's awareness state but keeps its clock; the stock provider then re-sends the state under
 * that same clock, which awareness ignores, so the person stays missing from "Here now" (and the
 * projector's counts) until their next change or the 15 s renewal. A page that moves a cursor
 * comes back at once; a phone in the list view did not. Setting the state again bumps the clock.
 */
export function renewPresenceOnConnect(provider: WebsocketProvider): () => void {
  const onStatus = ({ status }: { status: string }) => {
    if (status !== 'connected') return;
    const state = provider.awareness.getLocalState();
    if (state !== null) provider.awareness.setLocalState(state);
  };
  provider.on('status', onStatus);
  return () => provider.off('status', onStatus);
}
