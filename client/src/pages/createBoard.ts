import { describeServerError, errorCodeOf, isValidBoardId, MAX_TITLE_LENGTH } from '@costudio/shared';
import { currentTranslator } from '../i18n/localeChoice.ts';

export interface CreatedBoard {
  id: string;
  title: string;
  path: string;
  /** The facilitator link's token, kept on this device: it is the board's key. */
  facilitatorToken: string | null;
}

/** Asks the relay for a new board. Throws an Error whose message a person can read. */
export async function createBoard(title: string): Promise<CreatedBoard> {
  let response: Response;
  try {
    response = await fetch('/api/boards', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: title.trim().slice(0, MAX_TITLE_LENGTH) }),
    });
  } catch {
    throw new Error(currentTranslator().t('create.unreachable'));
  }
  if (response.status === 429) {
    // The code and Retry-After, not the server's English, so the reader gets their own language.
    const refusal: unknown = await response.json().catch(() => null);
    const t = currentTranslator();
    const waitSeconds = Number(response.headers.get('retry-after'));
    if (errorCodeOf(refusal) === 'too_many_boards' && waitSeconds > 0) {
      throw new Error(t.t('serverError.too_many_boards.wait', { minutes: Math.ceil(waitSeconds / 60) }));
    }
    throw new Error(describeServerError(refusal, t, t.t('create.tooMany')));
  }
  if (!response.ok) throw new Error(currentTranslator().t('create.failed'));
  const body = (await response.json().catch(() => null)) as
    | (Partial<CreatedBoard> & { facilitatorLink?: { token?: unknown } })
    | null;
  if (!body || typeof body.id !== 'string' || !isValidBoardId(body.id)) {
    throw new Error(currentTranslator().t('create.failed'));
  }
  const token = body.facilitatorLink?.token;
  return {
    id: body.id,
    title: typeof body.title === 'string' ? body.title : title,
    path: `/b/${body.id}`,
    facilitatorToken: typeof token === 'string' ? token : null,
  };
}
