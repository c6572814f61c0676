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
    // A board has few different labels: each is worded once, not once per note (10,000 ICU
    // formats took a quarter of a second when a big board synced).
    const worded = new Map<string, NoteTraceLabel>();
    for (const id of geometry.byId.keys()) {
      const { status, replies, links } = store.summary(id);
      const key = `${status} ${replies} ${links}`;
      let label = worded.get(key);
      if (!label) {
        const count = replies + links;
        const word = statusLabel(t, status);
        label = {
          full: traceLine(t, status, replies, links),
          short: count > 0 ? `${word} · ${t.number(count)}` : word,
          tagged: showsStatus(status, replies, links),
        };
        worded.set(key, label);
      }
      labels.set(id, label);
    }
    return labels;
  }, [store, snapshot, geometry, t]);
}
