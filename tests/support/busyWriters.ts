import { createNote, getNoteText, LANE_IDS } from '@costudio/shared';
import type * as Y from 'yjs';

/** A stream of edits running in the background until stopped. */
export interface BusyWriters {
  /** Edits made so far, across all writers. */
  edits(): number;
  stop(): void;
}

export interface BusyWritersOptions {
  /** Time between a writer's edits. */
  intervalMs?: number;
  /** Characters a writer types before starting a new note. */
  charsPerNote?: number;
}

/**
 * Makes each doc type continuously, as a busy meeting does: every writer appends a character to
 * its current note on each tick and starts a new note every `charsPerNote` characters. Writers
 * only ever append, so any earlier view of a note's text is a prefix of every later one.
 */
export function startBusyWriters(docs: readonly Y.Doc[], options: BusyWritersOptions = {}): BusyWriters {
  const charsPerNote = options.charsPerNote ?? 24;
  let edits = 0;
  const timers = docs.map((doc, writer) => {
    let noteId = '';
    let typed = 0;
    return setInterval(() => {
      if (noteId === '' || typed >= charsPerNote) {
        const lane = LANE_IDS[(writer + edits) % LANE_IDS.length] ?? 'define';
        noteId = createNote(doc, { lane, author: `Writer ${writer}`, authorRole: 'lay', text: '' });
        typed = 0;
      }
      const text = getNoteText(doc, noteId);
      text?.insert(text.length, String.fromCharCode(97 + (typed % 26)));
      typed++;
      edits++;
    }, options.intervalMs ?? 2);
  });
  return {
    edits: () => edits,
    stop() {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
