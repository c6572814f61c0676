export type {
  AreaBalance,
  BalanceArea,
  BalanceInput,
  BalanceMetric,
  BalancePrompt,
  ParticipationBalance,
} from './analysis/balance.ts';
export { BALANCE_METRICS, BALANCE_MIN_SAMPLE, BALANCE_PROMPT_RATIO, computeBalance } from './analysis/balance.ts';
export type { LaneReach, NoteStatus, NoteTrace } from './analysis/noteStatus.ts';
export {
  computeNoteStatuses,
  laneReach,
  NOTE_STATUS_ORDER,
  noteStatusRank,
  noteTracer,
  traceNote,
} from './analysis/noteStatus.ts';
export type { CalloutKind, PerspectiveCallout, PerspectiveRow, Perspectives } from './analysis/perspectives.ts';
export {
  computePerspectives,
  FAR_HIGHER_GAP,
  HIGHER_GAP,
  MAX_CALLOUTS,
  MIN_VOTERS_PER_ROLE_FOR_CALLOUT,
  SHARED_PRIORITY_MAX_GAP,
  SHARED_PRIORITY_MIN_SHARE,
} from './analysis/perspectives.ts';
export type { RoleShares } from './analysis/shares.ts';
export { formatPercent, formatPoints, roleShares, shareOf } from './analysis/shares.ts';
export type { NoteTally, VoterTally, VoteTally } from './analysis/tally.ts';
export { dotsLeft, tallyVote } from './analysis/tally.ts';
export type { Locale, MessageId, MessageValues, RealLocale, RoleWord, Translator } from './i18n/index.ts';
export {
  CATALOGS,
  colorName,
  DEFAULT_LOCALE,
  EN_MESSAGES,
  ENGLISH,
  isLocale,
  LOCALE_NAMES,
  LOCALES,
  lanePrompt,
  laneTitle,
  localeDirection,
  matchLocale,
  PSEUDO_LOCALES,
  pseudoBidi,
  pseudoLong,
  roleWord,
  statusLabel,
  statusMeaning,
  translator,
} from './i18n/index.ts';
export type { Migration, MigrationContext, MigrationResult } from './migrations/migrations.ts';
export { CURRENT_SCHEMA_VERSION, MIGRATION_ORIGIN, MIGRATIONS, migrateBoard } from './migrations/migrations.ts';
export { recordNoteEdit } from './ops/activityOps.ts';
export type { NewAnonymousNote } from './ops/anonymousNoteOps.ts';
export { createAnonymousNote } from './ops/anonymousNoteOps.ts';
export type { ErasureCount, ErasureTarget } from './ops/eraseOps.ts';
export { ERASE_ORIGIN, eraseContributions, isErasureTarget } from './ops/eraseOps.ts';
export { canLink, detachNotes, linkNotes, unlinkNotes } from './ops/linkOps.ts';
export type { NewNote } from './ops/noteOps.ts';
export { createNote, deleteNote, moveNote, nextFreeSpot, setNoteColor } from './ops/noteOps.ts';
export type { JoinBoard } from './ops/participantOps.ts';
export { joinBoard, setParticipantRole, touchParticipant } from './ops/participantOps.ts';
export type { NewReply } from './ops/replyOps.ts';
export { addReply, deleteReply } from './ops/replyOps.ts';
export { applyTextEdit } from './ops/textEdit.ts';
export type { NewVote, PlaceDot, PlaceDotRefusal, PlaceDotResult } from './ops/voteOps.ts';
export { closeVote, existingNoteIds, openVote, placeDot, pruneExcessDots, setHideTotals, takeBackDot } from './ops/voteOps.ts';
export type { Access } from './protocol/access.ts';
export { ACCESS_LEVELS, isAccess } from './protocol/access.ts';
export type { CloseCodeValue } from './protocol/closeCodes.ts';
export { BACK_OFF_CLOSE_CODES, CloseCode, describeCloseCode, RECONNECTING_CLOSE_CODES } from './protocol/closeCodes.ts';
export type { ErrorCode } from './protocol/errorCodes.ts';
export { describeServerError, ERROR_CODES, errorCodeOf, isErrorCode } from './protocol/errorCodes.ts';
export type { FirstView } from './protocol/firstView.ts';
export { FIRST_VIEW_NOTES_PER_LANE, FIRST_VIEW_TEXT_LENGTH, firstViewOf, readFirstView } from './protocol/firstView.ts';
export { BOARD_ID_PATTERN, isValidBoardId, MAX_FRAME_BYTES, SYNC_PATH } from './protocol/limits.ts';
export {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SAVED,
  MESSAGE_SYNC,
  SAVED_PARAM,
} from './protocol/messageTypes.ts';
export { FACILITATES_FIELD } from './protocol/presence.ts';
export type { CsvValue } from './report/csvCell.ts';
export { csvCell, csvRow } from './report/csvCell.ts';
export { renderCsvReport } from './report/csvReport.ts';
export { escapeHtml } from './report/htmlEscape.ts';
export { escapeMarkdown, markdownCell } from './report/markdownEscape.ts';
export { renderMarkdownReport } from './report/markdownReport.ts';
export type { MeetingReport, ReportVote } from './report/meetingReport.ts';
export { collectMeetingReport, formatDate, noteAuthorLabel, voteScopeLabel } from './report/meetingReport.ts';
export type { SubjectAccessRecord, SubjectAccessRequest } from './report/subjectAccess.ts';
export { collectSubjectAccess, renderSubjectAccessMarkdown } from './report/subjectAccess.ts';
export type { ReportEntry, YouSaidItem, YouSaidWeDid, YouSaidWeDidInput } from './report/youSaidWeDid.ts';
export {
  buildYouSaidWeDid,
  REPORT_DATE_PATTERN,
  youSaidWeDidHtml,
  youSaidWeDidMarkdown,
} from './report/youSaidWeDid.ts';
export type { LaneRoleCounts } from './schema/activity.ts';
export { ACTIVITY_MAP, getActivityMap, readEditCounts } from './schema/activity.ts';
export { getMetaMap, getNotesMap, META_MAP, NOTES_MAP } from './schema/boardDoc.ts';
export type { NoteColor } from './schema/colors.ts';
export { DEFAULT_NOTE_COLOR, isNoteColor, NOTE_COLOR_FILL, NOTE_COLORS } from './schema/colors.ts';
export {
  BOARD_LOCKED_KEY,
  FACILITATION_MAP,
  FACILITATION_SUFFIX,
  facilitationRoomId,
  LOCKED_LANES_KEY,
  PRIVATE_INFIX,
  PRIVATE_WRITING_KEY,
  PROJECTOR_KEY,
  type ProjectorJoinSize,
  type ProjectorSettings,
  type ProjectorView,
  privateRoomId,
  readLockedLanes,
  readProjectorSettings,
  SUMMON_KEY,
  TIMER_KEY,
} from './schema/facilitation.ts';
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
export {
  countNotes,
  getNoteText,
  keepLiveLinks,
  MAX_AUTHOR_LENGTH,
  MAX_NOTE_TEXT_LENGTH,
  NOTE_ID_PATTERN,
  noteToYMap,
  readNote,
  readNoteRecord,
  readNotes,
} from './schema/note.ts';
export { AUTHOR_KEY_FIELD, AUTHOR_SECRET_PATTERN, isAuthoredBy, noteAuthorKey } from './schema/noteAuthorship.ts';
export type { LaneStage } from './schema/noteLinks.ts';
export { ANSWERS_FIELD, LANE_STAGE, laneMayAnswer, laneStageRank } from './schema/noteLinks.ts';
export type { Participant } from './schema/participant.ts';
export {
  getParticipantsMap,
  LAST_SEEN_RESOLUTION_MS,
  PARTICIPANT_ID_PATTERN,
  PARTICIPANTS_MAP,
  readParticipant,
  readParticipants,
} from './schema/participant.ts';
export type { Reply } from './schema/reply.ts';
export {
  compareReplies,
  getRepliesMap,
  groupRepliesByNote,
  MAX_REPLY_LENGTH,
  REPLIES_MAP,
  REPLY_ID_PATTERN,
  readReplies,
  readReply,
  repliesByNote,
  replyToYMap,
} from './schema/reply.ts';
export type { Role } from './schema/roles.ts';
export { isRole, ROLES } from './schema/roles.ts';
export type { Dot, Vote, VoteScope, VoteStatus } from './schema/vote.ts';
export {
  compareDots,
  DEFAULT_DOTS_PER_PERSON,
  findOpenVote,
  getVotesMap,
  isVoteScope,
  MAX_DOTS_PER_PERSON,
  MAX_VOTE_TITLE_LENGTH,
  readVote,
  readVotes,
  totalsVisible,
  VOTE_ID_PATTERN,
  VOTES_MAP,
} from './schema/vote.ts';
