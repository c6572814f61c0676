import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { authorSecretFor } from '../device/authorSecret.ts';
import { BoardEditor } from '../doc/BoardEditor.ts';
import { NotesStore } from '../doc/NotesStore.ts';
import { followBrowserOnline } from '../offline/followBrowserOnline.ts';
import { openLocalCopy } from '../offline/localCopy.ts';
import { PendingChanges } from '../offline/PendingChanges.ts';
import { watchRelayStateVectors } from '../offline/watchRelayStateVectors.ts';
import { LinkRefusal } from '../sync/LinkRefusal.ts';
import { openProvider } from '../sync/openProvider.ts';
import { renewPresenceOnConnect } from '../sync/renewPresenceOnConnect.ts';
import type { BoardSession } from './BoardSession.ts';

export function useBoardSession(boardId: string): BoardSession | null {
  const [session, setSession] = useState<BoardSession | null>(null);
  useEffect(() => {
    const doc = new Y.Doc();
    const local = openLocalCopy(boardId, doc);
    const pending = new PendingChanges(doc, boardId);
    const { provider, saved } = openProvider(boardId, doc);
    const linkRefusal = new LinkRefusal(provider);
    const stopRenewing = renewPresenceOnConnect(provider);
    const unwatch = watchRelayStateVectors(provider, (stateVector) => pending.cover(stateVector));
    const unfollow = followBrowserOnline(provider);
    const editor = new BoardEditor(doc);
    editor.authorSecret = authorSecretFor(boardId);
    const next: BoardSession = { boardId, doc, provider, saved, editor, notes: new NotesStore(doc), local, pending, linkRefusal };
    setSession(next);
    return () => {
      unwatch();
      unfollow();
      pending.destroy();
      linkRefusal.destroy();
      stopRenewing();
      next.notes.destroy();
      next.editor.destroy();
      provider.destroy();
      void local.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [boardId]);
  return session;
}
