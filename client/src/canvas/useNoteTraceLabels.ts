import { statusLabel } from '@costudio/shared';
import { useMemo, useSyncExternalStore } from 'react';
import type { NotesStore } from '../doc/NotesStore.ts';
import { useNotesGeometry } from '../doc/useNotes.ts';
import { useT } from '../i18n/useT.ts';
import { showsStatus, traceLine } from '../trace/statusLabels.ts';
import { useNoteTraceApi } from '../trace/TraceContext.ts';

/** A note's status line on the canvas: the full words, and a shorter form for a narrow tag. */
export interface NoteTraceLabel {
  full: string;
  short: string;
  /** Whether the note carries a tag (showsStatus); the words are read to screen readers either way. */
  tagged: boolean;
}

const NONE = () => null;
const NO_SUBSCRIPTION = () => () => {};

/**
 * Every note's status and counts as the canvas draws them, recomputed when a reply, a link or a
 * lane changes, or the reader's language; null where the board has no trace (the projector).
 */
export function useNoteTraceLabels(notes: NotesStore): ReadonlyMap<string, NoteTraceLabel> | null {
  const panel = useNoteTraceApi();
  const t = useT();
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
      const label = statusLabel(t, status);
      labels.set(id, {
        full: traceLine(t, status, replies, links),
        short: count > 0 ? `${label} · ${t.number(count)}` : label,
        tagged: showsStatus(status, replies, links),
      });
    }
    return labels;
  }, [store, snapshot, geometry, t]);
}
