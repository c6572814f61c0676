import { describeCloseCode, RECONNECTING_CLOSE_CODES } from '@costudio/shared';
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { useT } from '../i18n/useT.ts';
import type { LinkRefusalKind } from './LinkRefusal.ts';
import type { SavedTracker } from './savedTracker.ts';
import { deriveSyncStatus, type SyncFacts, type SyncStatus } from './syncStatus.ts';

/** Changes still being stored on this device (offline/localCopy.ts, a layer above this one). */
export interface LocalWrites {
  isWriting(): boolean;
  subscribe(listener: () => void): () => void;
}

/**
 * Live sync status of a board connection; re-derived on every event that can change it. With
 * `local`, "All changes saved" also waits until the changes are stored on this device, so the
 * board then opens offline with them.
 */
export function useSyncStatus(
  provider: WebsocketProvider,
  saved: SavedTracker,
  linkRefusal: LinkRefusalKind | null = null,
  local: LocalWrites | null = null,
): SyncStatus {
  const t = useT();
  const [status, setStatus] = useState<SyncStatus>(() => deriveSyncStatus(readFacts(provider, saved, local, false, null), t));

  useEffect(() => {
    let everSynced = provider.synced;
    let lastCloseCode: number | null = null;
    const update = () => {
      everSynced ||= provider.synced;
      const next = deriveSyncStatus({ ...readFacts(provider, saved, local, everSynced, lastCloseCode), linkRefusal }, t);
      setStatus((previous) =>
        previous.kind === next.kind && previous.detail === next.detail && previous.label === next.label ? previous : next,
      );
    };
    const onClose = (event: CloseEvent | null) => {
      // A normal close or a dropped network has no code worth explaining.
      const code = event?.code ?? null;
      if (code !== null && (code >= 4000 || describeCloseCode(code) !== undefined)) lastCloseCode = code;
      // A quick reconnect that then fails is an ordinary outage, no longer the facilitator's doing.
      else if (lastCloseCode !== null && RECONNECTING_CLOSE_CODES.has(lastCloseCode)) lastCloseCode = null;
      update();
    };
    const onSync = (isSynced: boolean) => {
      if (isSynced) lastCloseCode = null;
      update();
    };
    provider.on('status', update);
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
    provider.doc.on('update', update);
    const unsubscribeSaved = saved.subscribe(update);
    const unsubscribeLocal = local?.subscribe(update);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    update();
    return () => {
      provider.off('status', update);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      provider.doc.off('update', update);
      unsubscribeSaved();
      unsubscribeLocal?.();
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, [provider, saved, linkRefusal, local, t]);

  return status;
}

function readFacts(
  provider: WebsocketProvider,
  saved: SavedTracker,
  local: LocalWrites | null,
  everSynced: boolean,
  lastCloseCode: number | null,
): SyncFacts {
  return {
    connected: provider.wsconnected,
    synced: provider.synced,
    everSynced,
    allSaved: saved.allSaved() && !local?.isWriting(),
    browserOnline: navigator.onLine,
    lastCloseCode,
  };
}
