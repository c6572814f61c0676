import {
  CURRENT_SCHEMA_VERSION,
  getActivityMap,
  getMetaMap,
  getNotesMap,
  getParticipantsMap,
  getRepliesMap,
  getVotesMap,
  MAX_TITLE_LENGTH,
  migrateBoard,
  type Note,
  noteToYMap,
  readNote,
  readParticipant,
  readReply,
  readVote,
  replyToYMap,
} from '@costudio/shared';
import * as Y from 'yjs';
import { BOARD_FILE_FORMAT } from './boardFile.ts';

/** Why a file cannot be imported, in words for the person who chose it. */
export class BoardFileError extends Error {
  override name = 'BoardFileError';
}

/** The imported board and what had to be left out of it. */
export interface ImportedBoard {
  readonly doc: Y.Doc;
  readonly title: string;
  readonly notes: number;
  /** One line per entry that could not be read and was skipped (e.g. a note with no lane). */
  readonly skipped: readonly string[];
}

export interface ImportOptions {
  /**
   * Notes written per transaction (default all in one): each transaction is one Yjs update, so
   * a large board can be stored as several updates of bounded size.
   */
  readonly notesPerTransaction?: number;
  /** Told each update the import makes, in order (the migrations' included). */
  readonly onUpdate?: (update: Uint8Array) => void;
}

/** Transaction origin of the import's writes. */
export const IMPORT_ORIGIN = 'costudio:import';

/**
 * Builds a board from an exported BoardFile (see boardFile.ts). The file is checked for what
 * makes it a board at all (format, schema version, note list) and refused with a BoardFileError
 * otherwise; inside it, every entry goes through the shared readers, so a damaged note is
 * repaired (a bad colour becomes yellow) or skipped and reported, never imported as is. The
 * board's schema migrations then run exactly as when the server loads a board.
 */
export function importBoardFile(input: unknown, options: ImportOptions = {}): ImportedBoard {
  const file = checkFile(input);
  const doc = new Y.Doc();
  if (options.onUpdate) doc.on('update', options.onUpdate);
  const skipped: string[] = [];
  let notes = 0;
  const batch = Math.max(1, options.notesPerTransaction ?? Number.POSITIVE_INFINITY);
  doc.transact(() => {
    const meta = getMetaMap(doc);
    meta.set('schemaVersion', file.schemaVersion);
    meta.set('title', file.title);
    meta.set('createdAt', file.createdAt);
  }, IMPORT_ORIGIN);
  const notesMap = getNotesMap(doc);
  for (let start = 0; start < file.notes.length; start += batch) {
    doc.transact(() => {
      file.notes.slice(start, start + batch).forEach((raw, offset) => {
        const index = start + offset;
        const note = readImportedNote(raw);
        if (!note) skipped.push(`note ${index + 1}: no valid id or lane`);
        else if (notesMap.has(note.id)) skipped.push(`note ${index + 1}: duplicate id ${note.id}`);
        else {
          notesMap.set(note.id, noteToYMap(note));
          notes++;
        }
      });
    }, IMPORT_ORIGIN);
  }
  doc.transact(() => {
    for (const [id, raw] of Object.entries(file.votes)) {
      const vote = voteMap(raw);
      if (
        vote &&
        readsAs(
          () => voteMap(raw),
          (map) => readVote(id, map),
        )
      )
        getVotesMap(doc).set(id, vote);
      else skipped.push(`vote ${id}: unreadable`);
    }
    for (const [id, raw] of Object.entries(file.participants)) {
      const participant = plainMap(raw);
      if (
        participant &&
        readsAs(
          () => plainMap(raw),
          (map) => readParticipant(id, map),
        )
      ) {
        getParticipantsMap(doc).set(id, participant);
      } else skipped.push(`participant ${id}: unreadable`);
    }
    file.replies.forEach((raw, index) => {
      const reply =
        isObject(raw) && typeof raw.id === 'string'
          ? readsAs(
              () => plainMap(raw),
              (map) => readReply(raw.id as string, map),
            )
          : null;
      if (!reply) skipped.push(`reply ${index + 1}: unreadable`);
      else if (!notesMap.has(reply.noteId)) skipped.push(`reply ${index + 1}: its note is not in the file`);
      else getRepliesMap(doc).set(reply.id, replyToYMap(reply));
    });
    for (const [key, value] of Object.entries(file.activity)) {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0) getActivityMap(doc).set(key, value);
      else skipped.push(`activity ${key}: not a count`);
    }
  }, IMPORT_ORIGIN);
  migrateBoard(doc, { title: file.title, now: file.createdAt });
  return { doc, title: file.title, notes, skipped };
}

interface CheckedFile {
  readonly schemaVersion: number;
  readonly title: string;
  readonly createdAt: number;
  readonly notes: readonly unknown[];
  readonly replies: readonly unknown[];
  readonly votes: Record<string, unknown>;
  readonly participants: Record<string, unknown>;
  readonly activity: Record<string, unknown>;
}

function checkFile(input: unknown): CheckedFile {
  if (!isObject(input)) throw new BoardFileError('This file is not a Costudio board export: it does not hold a JSON object.');
  if (input.format !== BOARD_FILE_FORMAT) {
    throw new BoardFileError(`This file is not a Costudio board export: its "format" is not "${BOARD_FILE_FORMAT}".`);
  }
  const version = input.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new BoardFileError('This board file has no valid "schemaVersion", so it cannot be read safely.');
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new BoardFileError(
      `This board was exported by a newer version of Costudio (schema ${version}); this server reads up to schema ${CURRENT_SCHEMA_VERSION}. Update Costudio, then import it again.`,
    );
  }
  if (!Array.isArray(input.notes)) throw new BoardFileError('This board file has no "notes" list.');
  const meta = isObject(input.meta) ? input.meta : {};
  const title = typeof meta.title === 'string' && meta.title.trim() !== '' ? meta.title.trim().slice(0, MAX_TITLE_LENGTH) : '';
  const createdAt =
    typeof meta.createdAt === 'number' && Number.isFinite(meta.createdAt) && meta.createdAt >= 0 ? meta.createdAt : 0;
  return {
    schemaVersion: version,
    title: title || 'Imported board',
    createdAt: createdAt || Date.now(),
    notes: input.notes,
    replies: Array.isArray(input.replies) ? input.replies : [],
    votes: isObject(input.votes) ? input.votes : {},
    participants: isObject(input.participants) ? input.participants : {},
    activity: isObject(input.activity) ? input.activity : {},
  };
}

/** A note from the file, repaired by the same reader that reads notes from a live board. */
function readImportedNote(raw: unknown): Note | null {
  if (!isObject(raw) || typeof raw.id !== 'string') return null;
  const id = raw.id;
  return readsAs(
    () => plainMap(raw),
    (map) => readNote(id, map),
  );
}

/**
 * Runs a shared reader on a map built from the file. Readers read integrated types only, so
 * the map is built in a throwaway doc; the caller builds a fresh one for the real board.
 */
function readsAs<T>(build: () => Y.Map<unknown> | null, read: (map: Y.Map<unknown>) => T | null): T | null {
  const map = build();
  if (!map) return null;
  const probe = new Y.Doc();
  try {
    probe.getMap('probe').set('entry', map);
    return read(map);
  } finally {
    probe.destroy();
  }
}

/** A vote: plain fields, and `dots` as a map of plain dot objects (shared/src/schema/vote.ts). */
function voteMap(raw: unknown): Y.Map<unknown> | null {
  if (!isObject(raw)) return null;
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'dots') map.set('dots', plainMap(value) ?? new Y.Map());
    else if (value !== undefined) map.set(key, value);
  }
  return map;
}

function plainMap(raw: unknown): Y.Map<unknown> | null {
  if (!isObject(raw)) return null;
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(raw)) if (value !== undefined) map.set(key, value);
  return map;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
