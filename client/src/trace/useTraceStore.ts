import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { NotesStore } from '../doc/NotesStore.ts';
import { type NoteTraceSummary, type TraceSnapshot, TraceStore } from './TraceStore.ts';

/** One TraceStore for an open board, following it while the page shows it. */
export function useTraceStore(doc: Y.Doc, notes: NotesStore): TraceStore {
  const store = useMemo(() => new TraceStore(doc, notes), [doc, notes]);
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);
  return store;
}

/** The whole trace; re-renders on every change of a reply, a link or a lane. */
export function useTrace(store: TraceStore): TraceSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** One note's status and counts; re-renders only when they change. */
export function useNoteTrace(store: TraceStore, id: string): NoteTraceSummary {
  useSyncExternalStore(store.subscribe, () => store.summaryKey(id));
  return store.summary(id);
}
