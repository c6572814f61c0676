import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_TITLE_LENGTH } from '@costudio/shared';
import type { Logger } from '../log.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { createNewBoard } from '../storage/createNewBoard.ts';
import { minutesInWords } from './AddressRateLimiter.ts';
import { clientAddress } from './clientAddress.ts';
import { sendError, sendJson } from './jsonResponses.ts';
import type { RateLimiter } from './RateLimiter.ts';
import { BodyError, readJsonBody } from './readJsonBody.ts';

/** Request bodies are tiny; anything larger is a mistake or an attack. */
export const MAX_BODY_BYTES = 16 * 1024;

/** Adds fields to a new board's answer, e.g. its facilitator link (share links). */
export type BoardCreatedHook = (boardId: string) => Promise<Record<string, unknown>>;

/** How many boards one client address may create (BOARD_CREATION_LIMITS), and how to tell addresses apart. */
export interface BoardCreationLimit {
  readonly limiter: RateLimiter;
  readonly trustProxy: boolean;
}

/**
 * POST /api/boards {title} → 201 {id, title, path, …whatever `onCreated` adds}; 429 once the
 * client's address has created its allowance of boards for the hour.
 */
export async function handleCreateBoard(
  request: IncomingMessage,
  response: ServerResponse,
  store: BoardStore,
  logger: Logger,
  onCreated?: BoardCreatedHook,
  limit?: BoardCreationLimit,
): Promise<void> {
  if (request.method !== 'POST') {
    sendError(response, 405, 'method_not_allowed', 'Use POST to create a board', { allow: 'POST' });
    return;
  }
  const address = limit ? clientAddress(request, limit.trustProxy) : '';
  if (limit && refuseOverLimit(response, await limit.limiter.take(address))) {
    logger.warn('board creation refused: too many from one address', { address });
    return;
  }
  const made = await countedIfMade(limit, address, () => createFromRequest(request, response, store));
  if (made === null) return;
  const { id, title } = made;
  logger.info('board created', { boardId: id });
  const path = `/b/${id}`;
  const extra = onCreated ? await onCreated(id) : {};
  sendJson(response, 201, { ...extra, id, title, path }, { location: path });
}

/** Reads and validates the request and creates the board; null (answered) when the request was bad. */
async function createFromRequest(
  request: IncomingMessage,
  response: ServerResponse,
  store: BoardStore,
): Promise<{ id: string; title: string } | null> {
  let body: unknown;
  try {
    body = await readJsonBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    sendError(response, error.status, error.code, error.message, error.status === 413 ? { connection: 'close' } : {});
    return null;
  }
  const title = validateTitle(body);
  if (typeof title !== 'string') {
    sendError(response, 400, 'invalid_title', title.error);
    return null;
  }
  return { id: await createNewBoard(store, title), title };
}

/**
 * Runs `make`, which creates a board or answers why not (null), after `limit.take` counted it:
 * a board that was not made (a bad request, a failure) is given back to the address's allowance.
 */
export async function countedIfMade<T>(
  limit: BoardCreationLimit | undefined,
  address: string,
  make: () => Promise<T | null>,
): Promise<T | null> {
  let made: T | null = null;
  try {
    made = await make();
    return made;
  } finally {
    if (limit && made === null) await limit.limiter.giveBack(address);
  }
}

/** The trimmed title, or an explanation a person can act on. */
export function validateTitle(body: unknown): string | { error: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: 'Send an object such as {"title": "Discharge planning"}' };
  }
  const title = (body as Record<string, unknown>).title;
  if (typeof title !== 'string') return { error: 'title must be a string' };
  const trimmed = title.trim();
  if (trimmed === '') return { error: 'title must not be empty' };
  if ([...trimmed].length > MAX_TITLE_LENGTH) return { error: `title must be at most ${MAX_TITLE_LENGTH} characters` };
  return trimmed;
}

/** Answers 429 too_many_boards when the address must wait; true when it did. */
export function refuseOverLimit(response: ServerResponse, waitMs: number): boolean {
  if (waitMs <= 0) return false;
  sendError(
    response,
    429,
    'too_many_boards',
    `Many boards were created from this network in the last hour. Try again in ${minutesInWords(waitMs)}, or reuse a board.`,
    { 'retry-after': String(Math.ceil(waitMs / 1000)) },
  );
  return true;
}
