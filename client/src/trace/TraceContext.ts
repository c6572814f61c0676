import { createContext, useContext } from 'react';
import type { TraceStore } from './TraceStore.ts';

/** What a view needs to show notes' statuses and open a note's "Replies and links" panel. */
export interface NoteTraceApi {
  trace: TraceStore;
  /** Opens the panel of a note. */
  open(noteId: string): void;
  /**
   * The view on screen says how to take a person to a note (the list focuses its field, the
   * canvas opens it); returns the function that takes it back.
   */
  registerJump(jump: (noteId: string) => void): () => void;
}

export const NoteTraceContext = createContext<NoteTraceApi | null>(null);

/** The board's trace and note panel, or null where there is none (the projector). */
export function useNoteTraceApi(): NoteTraceApi | null {
  return useContext(NoteTraceContext);
}
