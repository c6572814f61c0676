import {
  getActivityMap,
  getParticipantsMap,
  getVotesMap,
  type Note,
  type Reply,
  readMeta,
  readNotes,
  readReplies,
} from '@costudio/shared';
import type * as Y from 'yjs';

/** The `format` field of every Costudio board export. */
export const BOARD_FILE_FORMAT = 'costudio-board';

/**
 * A board exported as JSON (docs/history.md, "Backups"). `schemaVersion` is the board's
 * document schema (docs/schema.md) the file was written in; an import runs the same
 * migrations the server runs on load, so files from older versions stay importable.
 *
 * Notes are written as the shared reader returns them (validated and repaired), sorted by
 * creation time then id. The other maps are written as their JSON form: `votes` (each vote's
 * `dots` is a map of plain dot objects), `participants`, and `activity` counters.
 */
export interface BoardFile {
  readonly format: typeof BOARD_FILE_FORMAT;
  readonly schemaVersion: number;
  /** ISO 8601 time of the export. */
  readonly exportedAt: string;
  readonly meta: { readonly title: string; readonly createdAt: number };
  readonly notes: readonly Note[];
  /** Replies on notes, oldest first, as the shared reader returns them (absent in files from before schema v3). */
  readonly replies: readonly Reply[];
  readonly votes: Readonly<Record<string, unknown>>;
  readonly participants: Readonly<Record<string, unknown>>;
  readonly activity: Readonly<Record<string, unknown>>;
}

/** Writes a board's content as a BoardFile. Reads through the shared readers; never throws. */
export function exportBoardFile(doc: Y.Doc, now: Date = new Date()): BoardFile {
  const meta = readMeta(doc);
  const notes = readNotes(doc).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    format: BOARD_FILE_FORMAT,
    schemaVersion: meta.schemaVersion,
    exportedAt: now.toISOString(),
    meta: { title: meta.title, createdAt: meta.createdAt },
    notes,
    replies: readReplies(doc),
    votes: sortedJson(getVotesMap(doc)),
    participants: sortedJson(getParticipantsMap(doc)),
    activity: sortedJson(getActivityMap(doc)),
  };
}

/** Notes in a file, without the export time: what "the same board" means in tests and tools. */
export function boardContent(file: BoardFile): Omit<BoardFile, 'exportedAt'> {
  const { exportedAt: _ignored, ...content } = file;
  return content;
}

/** A map's JSON with keys sorted, so two exports of one board are byte-identical. */
function sortedJson(map: { toJSON(): unknown }): Record<string, unknown> {
  const json = map.toJSON() as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(json).sort()) sorted[key] = json[key];
  return sorted;
}
