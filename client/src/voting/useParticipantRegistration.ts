import { findOpenVote, getVotesMap, joinBoard, pruneExcessDots, type Role, readVotes, touchParticipant } from '@costudio/shared';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import type { BoardSession } from '../session/BoardSession.ts';

/** How often the page says "still here"; touchParticipant writes at most once a minute anyway. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Keeps this person's entry in the board's `participants` map: registered (or their role
 * updated) once the board has synced, so an existing entry is refreshed rather than replaced,
 * and marked as seen while the page is open. Also tells the BoardEditor the role to count edits
 * under, and after every sync deletes this person's excess dots (docs/voting.md, tally rule).
 */
export function useParticipantRegistration(session: BoardSession, participantId: string, role: Role, readOnly: boolean): void {
  const { doc, provider, editor } = session;

  useEffect(() => editor.setRole(role), [editor, role]);

  useEffect(() => {
    if (readOnly) return;
    const register = () => joinBoard(doc, { participantId, role }, editor.origin);
    const onSync = (synced: boolean) => {
      if (synced) register();
    };
    if (provider.synced) register();
    provider.on('sync', onSync);
    const timer = setInterval(() => touchParticipant(doc, participantId, Date.now(), editor.origin), TOUCH_INTERVAL_MS);
    return () => {
      provider.off('sync', onSync);
      clearInterval(timer);
    };
  }, [doc, provider, editor, participantId, role, readOnly]);

  useEffect(() => {
    if (readOnly) return;
    const votes = getVotesMap(doc);
    let scheduled = false;
    const prune = () => {
      scheduled = false;
      const open = findOpenVote(readVotes(doc));
      if (open) pruneExcessDots(doc, open.id, participantId, editor.origin);
    };
    // Runs after the observer returns: writing inside an observer nests transactions.
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(prune);
    };
    const onSync = (synced: boolean) => {
      if (synced) schedule();
    };
    const onVotes = (_events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      // Excess appears when another device of this person placed a dot at the same time.
      if (!transaction.local) schedule();
    };
    if (provider.synced) schedule();
    provider.on('sync', onSync);
    votes.observeDeep(onVotes);
    return () => {
      provider.off('sync', onSync);
      votes.unobserveDeep(onVotes);
    };
  }, [doc, provider, editor, participantId, readOnly]);
}
