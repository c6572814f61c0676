import { describeCloseCode, RECONNECTING_CLOSE_CODES, type Translator } from '@costudio/shared';
import { currentTranslator } from '../i18n/localeChoice.ts';
import type { LinkRefusalKind } from './LinkRefusal.ts';

export type SyncStatusKind = 'connecting' | 'saved' | 'saving' | 'offline';

export interface SyncStatus {
  kind: SyncStatusKind;
  /** The words always on screen. */
  label: string;
  /** A plain-language explanation when something went wrong, e.g. why the relay closed. */
  detail: string | null;
}

export interface SyncFacts {
  connected: boolean;
  /** The first full sync with the relay has completed on the current connection. */
  synced: boolean;
  /** Some connection has synced before; losing it now means "Offline", not "Connecting…". */
  everSynced: boolean;
  allSaved: boolean;
  browserOnline: boolean;
  /** Code of the last close by the relay, if it gave one we know. */
  lastCloseCode: number | null;
  /** The relay refused this device's link: nothing will be sent until a new link is opened. */
  linkRefusal?: LinkRefusalKind | null;
}

/** Turns connection facts into the one status a person can trust. */
export function deriveSyncStatus(facts: SyncFacts, t: Translator = currentTranslator()): SyncStatus {
  // Not "Offline": trying again will not help, and the person should not wait for it.
  if (facts.linkRefusal && !facts.synced) return { kind: 'offline', label: t.t(`sync.link.${facts.linkRefusal}`), detail: null };
  const closeDetail = facts.lastCloseCode === null ? null : (describeCloseCode(facts.lastCloseCode, t) ?? null);
  if (facts.browserOnline && !facts.synced && closeDetail && RECONNECTING_CLOSE_CODES.has(facts.lastCloseCode as number)) {
    // A brief, deliberate reconnect (e.g. the board was locked): say why instead of "Offline".
    return { kind: 'connecting', label: closeDetail, detail: null };
  }
  let kind: SyncStatusKind;
  if (!facts.browserOnline || (!facts.connected && (facts.everSynced || closeDetail !== null))) kind = 'offline';
  else if (!facts.connected || !facts.synced) kind = 'connecting';
  else kind = facts.allSaved ? 'saved' : 'saving';
  let detail: string | null = null;
  if (kind === 'offline' || kind === 'connecting') {
    detail = closeDetail ?? (kind === 'offline' ? t.t(facts.allSaved ? 'sync.offlineSaved' : 'sync.offlineUnsaved') : null);
  }
  return { kind, label: t.t(`sync.${kind}`), detail };
}
