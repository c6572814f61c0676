export type { Migration, MigrationContext, MigrationResult } from './migrations/migrations.ts';
export { CURRENT_SCHEMA_VERSION, MIGRATION_ORIGIN, MIGRATIONS, migrateBoard } from './migrations/migrations.ts';
export type { NewNote } from './ops/noteOps.ts';
export { createNote, deleteNote, moveNote, nextFreeSpot, setNoteColor } from './ops/noteOps.ts';
export { applyTextEdit } from './ops/textEdit.ts';
export type { CloseCodeValue } from './protocol/closeCodes.ts';
export { CloseCode, describeCloseCode } from './protocol/closeCodes.ts';
export { BOARD_ID_PATTERN, isValidBoardId, MAX_FRAME_BYTES, SYNC_PATH } from './protocol/limits.ts';
export {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SAVED,
  MESSAGE_SYNC,
  SAVED_PARAM,
} from './protocol/messageTypes.ts';
export { getMetaMap, getNotesMap, META_MAP, NOTES_MAP } from './schema/boardDoc.ts';
export type { NoteColor } from './schema/colors.ts';
export { DEFAULT_NOTE_COLOR, isNoteColor, NOTE_COLOR_FILL, NOTE_COLOR_LABEL, NOTE_COLORS } from './schema/colors.ts';
export type { Lane, LaneId } from './schema/lanes.ts';
export { isLaneId, LANE_IDS, LANES, laneById, laneIndex } from './schema/lanes.ts';
export {
  LANE_GAP,
  LANE_HEADER_HEIGHT,
  LANE_WIDTH,
  laneAtX,
  laneLeft,
  NOTE_HEIGHT,
  NOTE_WIDTH,
} from './schema/layout.ts';
export type { BoardMeta } from './schema/meta.ts';
export { MAX_TITLE_LENGTH, readMeta, UNTITLED } from './schema/meta.ts';
export type { Note } from './schema/note.ts';
export { getNoteText, MAX_AUTHOR_LENGTH, MAX_NOTE_TEXT_LENGTH, NOTE_ID_PATTERN, readNote, readNotes } from './schema/note.ts';
export type { Role, RoleInfo } from './schema/roles.ts';
export { isRole, ROLE_INFO, ROLES } from './schema/roles.ts';
