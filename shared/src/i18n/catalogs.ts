import { analysis as cyAnalysis } from './cy/analysis.ts';
import { announce as cyAnnounce } from './cy/announce.ts';
import { board as cyBoard } from './cy/board.ts';
import { canvas as cyCanvas } from './cy/canvas.ts';
import { closeCodes as cyCloseCodes } from './cy/closeCodes.ts';
import { common as cyCommon } from './cy/common.ts';
import { header as cyHeader } from './cy/header.ts';
import { laneList as cyLaneList } from './cy/laneList.ts';
import { people as cyPeople } from './cy/people.ts';
import { privacy as cyPrivacy } from './cy/privacy.ts';
import { report as cyReport } from './cy/report.ts';
import { results as cyResults } from './cy/results.ts';
import { room as cyRoom } from './cy/room.ts';
import { serverErrors as cyServerErrors } from './cy/serverErrors.ts';
import { start as cyStart } from './cy/start.ts';
import { subjectAccess as cySubjectAccess } from './cy/subjectAccess.ts';
import { trace as cyTrace } from './cy/trace.ts';
import { voting as cyVoting } from './cy/voting.ts';
import { analysis as enAnalysis } from './en/analysis.ts';
import { announce as enAnnounce } from './en/announce.ts';
import { board as enBoard } from './en/board.ts';
import { canvas as enCanvas } from './en/canvas.ts';
import { closeCodes as enCloseCodes } from './en/closeCodes.ts';
import { common as enCommon } from './en/common.ts';
import { header as enHeader } from './en/header.ts';
import { laneList as enLaneList } from './en/laneList.ts';
import { people as enPeople } from './en/people.ts';
import { privacy as enPrivacy } from './en/privacy.ts';
import { report as enReport } from './en/report.ts';
import { results as enResults } from './en/results.ts';
import { room as enRoom } from './en/room.ts';
import { serverErrors as enServerErrors } from './en/serverErrors.ts';
import { start as enStart } from './en/start.ts';
import { subjectAccess as enSubjectAccess } from './en/subjectAccess.ts';
import { trace as enTrace } from './en/trace.ts';
import { voting as enVoting } from './en/voting.ts';
import type { RealLocale } from './locales.ts';

/**
 * Every message, by id. English is the source: its keys are the ids tsc checks `t()` calls
 * against. Each area has one file per language (en/, cy/), so parallel edits rarely meet.
 */
export const EN_MESSAGES = {
  ...enCommon,
  ...enCloseCodes,
  ...enStart,
  ...enAnnounce,
  ...enReport,
  ...enAnalysis,
  ...enBoard,
  ...enLaneList,
  ...enPeople,
  ...enCanvas,
  ...enHeader,
  ...enPrivacy,
  ...enVoting,
  ...enResults,
  ...enRoom,
  ...enTrace,
  ...enServerErrors,
  ...enSubjectAccess,
} as const;

export type MessageId = keyof typeof EN_MESSAGES;

export const CATALOGS: Readonly<Record<RealLocale, Readonly<Record<MessageId, string>>>> = {
  en: EN_MESSAGES,
  cy: {
    ...cyCommon,
    ...cyCloseCodes,
    ...cyStart,
    ...cyAnnounce,
    ...cyReport,
    ...cyAnalysis,
    ...cyBoard,
    ...cyLaneList,
    ...cyPeople,
    ...cyCanvas,
    ...cyHeader,
    ...cyPrivacy,
    ...cyVoting,
    ...cyResults,
    ...cyRoom,
    ...cyTrace,
    ...cyServerErrors,
    ...cySubjectAccess,
  },
};
