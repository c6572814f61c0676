import { MESSAGE_SAVED, SAVED_PARAM } from '@costudio/shared';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { boardToken, captureTokenFromLocation } from '../device/boardTokens.ts';
import { passLargeUpdatesThrough } from './passLargeUpdatesThrough.ts';
import { SavedTracker } from './savedTracker.ts';
import { backOffOnServerTrouble } from './serverTroubleBackoff.ts';
import { syncServerUrl } from './syncUrl.ts';

export interface BoardConnection {
  provider: WebsocketProvider;
  saved: SavedTracker;
}

/**
 * Connects a board's doc to the relay with the stock y-websocket provider, asking for the
 * relay's "saved" acknowledgements (`?saved=1`) and reading them with an extra message handler.
 * The board's share-link token, if this device has one, goes in `?token=` (docs/api.md). The
 * board's initial state reaches the doc's 'update' listeners as received (passLargeUpdatesThrough).
 * With `connect: false` the caller connects (`provider.connect()`) when it is ready.
 */
export function openProvider(boardId: string, doc: Y.Doc, options: { connect?: boolean } = {}): BoardConnection {
  const saved = new SavedTracker(doc);
  captureTokenFromLocation(boardId);
  const token = boardToken(boardId);
  const provider = new WebsocketProvider(syncServerUrl(location), boardId, doc, {
    params: { [SAVED_PARAM]: '1', ...(token ? { token } : {}) },
    connect: false,
  });
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => saved.readSavedMessage(decoder);
  backOffOnServerTrouble(provider);
  passLargeUpdatesThrough(provider);
  if (options.connect !== false) provider.connect();
  return { provider, saved };
}
