import { useMemo, useSyncExternalStore } from 'react';
import type { NotesStore } from '../doc/NotesStore.ts';
import { useNotesGeometry } from '../doc/useNotes.ts';
import { STATUS_LABEL, traceLine } from '../trace/statusLabels.ts';
import { useNoteTraceApi } from '../trace/TraceContext.ts';

/** A note's status line on the canvas: the full words, and a shorter form for a narrow tag. */
export interface NoteTraceLabel {
  full: string;
  short: string;
}

const NONE = () => null;
const NO_SUBSCRIPTION = () => () => {};

/**
 * Every note's status and counts as the canvas draws them, recomputed when a reply, a link or a
 * lane changes; null where the board has no trace (the projector).
 */
export function useNoteTraceLabels(notes: NotesStore): ReadonlyMap<string, NoteTraceLabel> | null {
  const panel = useNoteTraceApi();
  // Notes added or removed; typing does not change a status.
  const geometry = useNotesGeometry(notes);
  const store = panel?.trace ?? null;
  const snapshot = useSyncExternalStore(store?.subscribe ?? NO_SUBSCRIPTION, store?.getSnapshot ?? NONE);
  // The snapshot changes with any status, reply or link.
  return useMemo(() => {
    if (!store || !snapshot) return null;
    const labels = new Map<string, NoteTraceLabel>();
    for (const id of geometry.byId.keys()) {
      const { status, replies, links } = store.summary(id);
      const count = replies + links;
      labels.set(id, {
        full: traceLine(status, replies, links),
        short: count > 0 ? `${STATUS_LABEL[status]} · ${count}` : STATUS_LABEL[status],
      });
    }
    return labels;
  }, [store, snapshot, geometry]);
}
