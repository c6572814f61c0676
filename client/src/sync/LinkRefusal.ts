import { CloseCode } from '@costudio/shared';
import { useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';

/** Why the relay will not take this device's link: nothing sent under it can reach the board. */
export type LinkRefusalKind = 'switched-off' | 'expired' | 'not-valid';

const KIND_BY_CODE: ReadonlyMap<number, LinkRefusalKind> = new Map([
  [CloseCode.LINK_REVOKED, 'switched-off'],
  [CloseCode.LINK_EXPIRED, 'expired'],
  [CloseCode.UNAUTHORIZED, 'not-valid'],
  [CloseCode.FORBIDDEN, 'not-valid'],
]);

export function linkRefusalKind(code: number | null): LinkRefusalKind | null {
  return code === null ? null : (KIND_BY_CODE.get(code) ?? null);
}

/**
 * Watches a board's connection, from the moment it opens (the relay may refuse the link while
 * the join step is still on screen), for the relay closing it because of the link (issue 12,
 * item 8). The stock provider stops reconnecting after such a close and emits `closed`; the
 * refusal holds until a later connection syncs (a reload with a new link).
 */
export class LinkRefusal {
  private kind: LinkRefusalKind | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly provider: WebsocketProvider) {
    provider.on('closed', this.onClosed);
    provider.on('sync', this.onSync);
  }

  getSnapshot = (): LinkRefusalKind | null => this.kind;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.provider.off('closed', this.onClosed);
    this.provider.off('sync', this.onSync);
    this.listeners.clear();
  }

  private readonly onClosed = (event: { code: number }) => {
    const kind = linkRefusalKind(event.code);
    if (kind) this.set(kind);
  };

  private readonly onSync = (synced: boolean) => {
    if (synced) this.set(null);
  };

  private set(kind: LinkRefusalKind | null): void {
    if (kind === this.kind) return;
    this.kind = kind;
    for (const listener of this.listeners) listener();
  }
}

/** The refusal now, re-rendering when it changes. */
export function useLinkRefusal(refusal: LinkRefusal): LinkRefusalKind | null {
  return useSyncExternalStore(refusal.subscribe, refusal.getSnapshot);
}
