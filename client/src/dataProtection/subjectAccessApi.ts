import type { Locale, Translator } from '@costudio/shared';
import { authorizationHeaders } from '../device/boardTokens.ts';
import { fetchOk } from '../i18n/fetchExplained.ts';

/** The subject-access page for the notes posted as `author`, in `locale` (docs/api.md). */
export function subjectAccessPath(boardId: string, author: string, locale: Locale): string {
  const query = new URLSearchParams({ author, format: 'md', lang: locale });
  return `/api/boards/${encodeURIComponent(boardId)}/subject-access?${query}`;
}

/**
 * Fetches the readable subject-access page in the reader's language (`t.locale`), with the
 * board's facilitator link as the credential. Throws an Error whose message is in `t`'s language.
 */
export async function fetchSubjectAccessPage(boardId: string, author: string, t: Translator): Promise<string> {
  const path = subjectAccessPath(boardId, author, t.locale);
  const response = await fetchOk(path, { headers: authorizationHeaders(boardId) }, t, t.t('subjectAccess.failed'));
  return response.text();
}
