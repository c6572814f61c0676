import { useLayoutEffect, useState } from 'react';
import * as Y from 'yjs';
import { authorSecretFor } from '../device/authorSecret.ts';
import { BoardEditor } from '../doc/BoardEditor.ts';
import { NotesStore } from '../doc/NotesStore.ts';
import { connectAfterFirstView } from '../firstView/connectAfterFirstView.ts';
import { takeFirstView } from '../firstView/requestFirstView.ts';
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
  // A layout effect: the board, with its first view when that is already in, renders in the
  // page's first task, not after a blank frame and a task of its own (issue 12).
  useLayoutEffect(() => {
    const doc = new Y.Doc();
    const local = openLocalCopy(boardId, doc);
    const pending = new PendingChanges(doc, boardId);
    const { provider, saved } = openProvider(boardId, doc, { connect: false });
    const linkRefusal = new LinkRefusal(provider);
    const stopRenewing = renewPresenceOnConnect(provider);
    const unwatch = watchRelayStateVectors(provider, (stateVector) => pending.cover(stateVector));
    const unfollow = followBrowserOnline(provider);
    const editor = new BoardEditor(doc);
    editor.authorSecret = authorSecretFor(boardId);
    const notes = new NotesStore(doc);
    // A big board's first screen is drawn from its first view while its document arrives.
    const stopWaiting = connectAfterFirstView(takeFirstView(boardId), notes, () => provider.connect());
    const onSync = (synced: boolean) => synced && notes.endFirstView();
    provider.on('sync', onSync);
    const next: BoardSession = { boardId, doc, provider, saved, editor, notes, local, pending, linkRefusal };
    setSession(next);
    return () => {
      stopWaiting();
      provider.off('sync', onSync);
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
