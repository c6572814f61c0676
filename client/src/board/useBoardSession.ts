import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { BoardEditor } from '../doc/BoardEditor.ts';
import { NotesStore } from '../doc/NotesStore.ts';
import { openProvider } from '../sync/openProvider.ts';
import type { SavedTracker } from '../sync/savedTracker.ts';

/** Everything one open board needs, created together and torn down together. */
export interface BoardSession {
  boardId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  saved: SavedTracker;
  editor: BoardEditor;
  notes: NotesStore;
}

export function useBoardSession(boardId: string): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  useEffect(() => {
    const doc = new Y.Doc();
    const { provider, saved } = openProvider(boardId, doc);
    const next: BoardSession = { boardId, doc, provider, saved, editor: new BoardEditor(doc), notes: new NotesStore(doc) };
    setSession(next);
    return () => {
      next.notes.destroy();
      next.editor.destroy();
      provider.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [boardId]);
  return session;
}
