import {
  AUTHOR_SECRET_PATTERN,
  type ErasureTarget,
  isErasureTarget,
  MAX_AUTHOR_LENGTH,
  NOTE_ID_PATTERN,
  PARTICIPANT_ID_PATTERN,
  REPLY_ID_PATTERN,
} from '@costudio/shared';
import type * as Y from 'yjs';
import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendError, sendJson } from '../http/jsonResponses.ts';
import { BodyError, readJsonBody } from '../http/readJsonBody.ts';
import type { Authorize } from '../relay/authorize.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import type { ContributionErasure } from './ContributionErasure.ts';
import { accessOf, answeredUnknownBoard } from './facilitatorOnly.ts';

const ERASE_PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/erase\/?$/;
const MAX_BODY_BYTES = 256 * 1024;
const MAX_NOTE_IDS = 2_000;

export interface ErasureRoutesOptions {
  readonly erasure: ContributionErasure<{ readonly doc: Y.Doc }>;
  readonly store: BoardStore;
  readonly authorize?: Authorize | undefined;
}

/**
 * POST /api/boards/<id>/erase {noteIds?, replyIds?, author?, participantId?} (docs/privacy.md): a
 * facilitator erases notes, or everything one person wrote and every dot they placed, from the
 * board and its whole history. A participant (an edit link) erases their own notes the same
 * way, by id with their device's `authorSecret`, which must match each note's or reply's `authorKey`.
 * 200 {erased: {notes, dots, participants, replies, versionsRewritten}};
 * 400 for a body naming nothing or malformed; 403 for any link that does not facilitate this
 * board; 404 for no such board.
 */
export function erasureRoutes(options: ErasureRoutesOptions): HttpRoute {
  return async (request, response, pathname) => {
    const match = ERASE_PATH.exec(pathname);
    if (!match) return false;
    const boardId = match[1] as string;
    if (request.method !== 'POST') {
      sendError(response, 405, 'method_not_allowed', 'Use POST to erase', { allow: 'POST' });
      return true;
    }
    if (await answeredUnknownBoard(options.store, boardId, response)) return true;
    const decision = await accessOf(options.authorize, boardId, request);
    if ('status' in decision || decision.access === 'view') {
      const message = 'status' in decision ? decision.message : 'A view link cannot erase anything on this board.';
      sendError(response, 403, 'forbidden', message);
      return true;
    }
    let body: unknown;
    try {
      body = await readJsonBody(request, MAX_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      sendError(response, error.status, error.code, error.message);
      return true;
    }
    const target = readTarget(body);
    if (!target) {
      sendError(
        response,
        400,
        'invalid_erasure',
        'Say what to erase: note ids, an author’s name, or a participant id. Nothing has been erased.',
      );
      return true;
    }
    if (decision.access !== 'facilitate') {
      // A participant erases only notes they can prove they wrote (their device's author secret).
      const secret = (body as { authorSecret?: unknown }).authorSecret;
      const own = typeof secret === 'string' && AUTHOR_SECRET_PATTERN.test(secret);
      if (!own || target.author !== undefined || target.participantId !== undefined) {
        sendError(
          response,
          403,
          'forbidden',
          'Only the board’s facilitators can erase what other people wrote. You can erase notes and replies you wrote on this device.',
        );
        return true;
      }
      const wrote =
        (await options.erasure.wroteAll(boardId, target.noteIds ?? [], secret)) &&
        (await options.erasure.wroteAll(boardId, target.replyIds ?? [], secret, 'replies'));
      if (!wrote) {
        sendError(
          response,
          403,
          'forbidden',
          'Some of these notes or replies were not written on this device, so you cannot erase them. Ask a facilitator.',
        );
        return true;
      }
    }
    const erased = await options.erasure.erase(boardId, target);
    sendJson(response, 200, { erased });
    return true;
  };
}

/** The body as an erasure target, or null when it is malformed or names nothing. */
function readTarget(body: unknown): ErasureTarget | null {
  if (typeof body !== 'object' || body === null) return null;
  const { noteIds, replyIds, author, participantId } = body as Record<string, unknown>;
  // `authorSecret` is read by the route: it proves authorship, it is not part of the target.
  const target: { noteIds?: string[]; replyIds?: string[]; author?: string; participantId?: string } = {};
  for (const [name, ids, pattern] of [
    ['noteIds', noteIds, NOTE_ID_PATTERN],
    ['replyIds', replyIds, REPLY_ID_PATTERN],
  ] as const) {
    if (ids === undefined) continue;
    if (!Array.isArray(ids) || ids.length > MAX_NOTE_IDS) return null;
    if (!ids.every((id) => typeof id === 'string' && pattern.test(id))) return null;
    target[name] = ids as string[];
  }
  if (author !== undefined) {
    if (typeof author !== 'string' || author.length > MAX_AUTHOR_LENGTH * 2) return null;
    target.author = author;
  }
  if (participantId !== undefined) {
    if (typeof participantId !== 'string' || !PARTICIPANT_ID_PATTERN.test(participantId)) return null;
    target.participantId = participantId;
  }
  return isErasureTarget(target) ? target : null;
}
