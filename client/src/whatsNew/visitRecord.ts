import type { Note } from '@costudio/shared';
import { readStored, writeStored } from '../device/deviceStorage.ts';

/** Per note, a short fingerprint of what a person sees: lane, place, colour and text. */
export type VisitRecord = Readonly<Record<string, string>>;

const key = (boardId: string) => `costudio.lastVisit.${boardId}`;

/** FNV-1a, 32 bits, base 36: enough to tell "changed" from "unchanged", small in localStorage. */
export function noteFingerprint(note: Note): string {
  const text = `${note.lane}|${Math.round(note.x)}|${Math.round(note.y)}|${note.color}|${note.text}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function recordOf(notes: Iterable<Note>): VisitRecord {
  const record: Record<string, string> = {};
  for (const note of notes) record[note.id] = noteFingerprint(note);
  return record;
}

/** What this device saw of the board when it last had it open; null on the first visit. */
export function readVisit(boardId: string): VisitRecord | null {
  const stored = readStored(key(boardId));
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return null;
  const record: Record<string, string> = {};
  for (const [id, print] of Object.entries(stored)) if (typeof print === 'string') record[id] = print;
  return record;
}

export function writeVisit(boardId: string, record: VisitRecord): void {
  writeStored(key(boardId), record);
}

/**
 * Notes added, changed or moved since `before` (in board order; `added` is the part of
 * `changed` that did not exist then), and how many were removed.
 */
export function changesSince(
  before: VisitRecord,
  notes: readonly Note[],
): { changed: string[]; added: string[]; removed: number } {
  const changed = notes.filter((note) => before[note.id] !== noteFingerprint(note)).map((note) => note.id);
  const added = changed.filter((id) => before[id] === undefined);
  const present = new Set(notes.map((note) => note.id));
  const removed = Object.keys(before).filter((id) => !present.has(id)).length;
  return { changed, added, removed };
}
