import { getNotesMap } from '@costudio/shared';
import { useEffect } from 'react';
import { storeState } from 'y-indexeddb';
import type * as Y from 'yjs';
import type { BoardSession } from '../session/BoardSession.ts';

/** Several notes erased at once arrive as one change; rewrite the copy once, shortly after. */
const TRIM_DELAY_MS = 1_000;

/**
 * When notes are deleted by someone else (a facilitator's erasure, docs/privacy.md), rewrites
 * this device's IndexedDB copy as the board's current state. y-indexeddb otherwise keeps every
 * update it stored, erased text included, until 500 have piled up; the doc itself has already
 * dropped the text (garbage collection), so its state holds none of it.
 */
export function useTrimLocalCopyAfterErasure(session: BoardSession | null): void {
  useEffect(() => {
    if (!session) return;
    const notes = getNotesMap(session.doc);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onChange = (event: Y.YMapEvent<Y.Map<unknown>>, transaction: Y.Transaction) => {
      if (transaction.local) return;
      if (![...event.changes.keys.values()].some((change) => change.action === 'delete')) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        storeState(session.local, true).catch(() => {});
      }, TRIM_DELAY_MS);
    };
    notes.observe(onChange);
    return () => {
      notes.unobserve(onChange);
      if (timer) clearTimeout(timer);
    };
  }, [session]);
}
