import { useSyncExternalStore } from 'react';
import type { NotesSnapshot, NotesStore } from './NotesStore.ts';

/** The board's validated notes; re-renders when any note changes. Shared by every view. */
export function useNotes(store: NotesStore): NotesSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
