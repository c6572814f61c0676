import { MESSAGE_SAVED, SAVED_PARAM } from '@costudio/shared';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { SavedTracker } from './savedTracker.ts';
import { syncServerUrl } from './syncUrl.ts';

export interface BoardConnection {
  provider: WebsocketProvider;
  saved: SavedTracker;
}

/**
 * Connects a board's doc to the relay with the stock y-websocket provider, asking for the
 * relay's "saved" acknowledgements (`?saved=1`) and reading them with an extra message handler.
 */
export function openProvider(boardId: string, doc: Y.Doc): BoardConnection {
  const saved = new SavedTracker(doc);
  const provider = new WebsocketProvider(syncServerUrl(location), boardId, doc, {
    params: { [SAVED_PARAM]: '1' },
    connect: false,
  });
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => saved.readSavedMessage(decoder);
  provider.connect();
  return { provider, saved };
}
