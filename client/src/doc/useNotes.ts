import type { Note } from '@costudio/shared';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { NotesSnapshot, NotesStore } from './NotesStore.ts';

/** The board's validated notes; re-renders when any note changes. Shared by every view. */
export function useNotes(store: NotesStore): NotesSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * The notes as of the last time one was added, removed or moved: re-renders only then, not
 * while people type, for views that lay notes out or count who wrote what. Text and colour in
 * it may be out of date; read them with useNote.
 */
export function useNotesGeometry(store: NotesStore): NotesSnapshot {
  return useSyncExternalStore(store.subscribe, store.getGeometrySnapshot);
}

/** One note, or undefined once it is gone; re-renders only when this note changes. */
export function useNote(store: NotesStore, id: string): Note | undefined {
  const subscribe = useCallback((listener: () => void) => store.subscribeNote(id, listener), [store, id]);
  const getSnapshot = useCallback(() => store.getNote(id), [store, id]);
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** Whether the notes shown are still the board's first view (read-only until the document is in). */
export function useShowsFirstView(store: NotesStore): boolean {
  return useSyncExternalStore(store.subscribe, () => store.showsFirstView);
}

/**
 * Tells the store, after the commit that drew them, that this view shows notes of the first
 * view, so the board's connection may start taking the main thread (firstView/).
 */
export function useFirstViewDrawn(store: NotesStore, drawnNotes: number): void {
  useEffect(() => {
    if (drawnNotes > 0 && store.showsFirstView) store.firstViewDrawn();
  }, [store, drawnNotes]);
}
