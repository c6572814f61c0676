import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { BoardEditor } from '../doc/BoardEditor.ts';
import type { NotesStore } from '../doc/NotesStore.ts';
import type { LocalCopy } from '../offline/localCopy.ts';
import type { PendingChanges } from '../offline/PendingChanges.ts';
import type { LinkRefusal } from '../sync/LinkRefusal.ts';
import type { SavedTracker } from '../sync/savedTracker.ts';

/** Everything one open board needs, created together and torn down together. */
export interface BoardSession {
  boardId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  saved: SavedTracker;
  editor: BoardEditor;
  notes: NotesStore;
  /** The board kept on this device (IndexedDB), so it opens and takes edits offline. */
  local: LocalCopy;
  /** Changes made on this device that the relay has not yet confirmed as stored. */
  pending: PendingChanges;
  /** Set when the relay refuses this device's link (switched off, expired, not valid). */
  linkRefusal: LinkRefusal;
}
