import { describeServerError, readNotes } from '@costudio/shared';
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { authorizationHeaders } from '../device/boardTokens.ts';
import { useT } from '../i18n/useT.ts';
import { downloadText } from '../report/downloadText.ts';
import { fetchSubjectAccessPage } from './subjectAccessApi.ts';

/**
 * "Erase what one person wrote" for facilitators (POST /api/boards/<id>/erase): every note posted
 * under a name, from the board and every saved version. Anonymous notes are tied to nobody, so
 * they are erased one by one (by id, through the API). The same name answers a subject-access
 * request: the page of what the board holds about them, in the facilitator's language.
 */
export function EraseContributionsSection({ boardId, doc }: { boardId: string; doc: Y.Doc }) {
  const selectId = useId();
  const t = useT();
  const [author, setAuthor] = useState('');
  const [message, setMessage] = useState('');
  const authors = [
    ...new Set(readNotes(doc).flatMap((note) => (note.anonymous || note.author.trim() === '' ? [] : [note.author.trim()]))),
  ].sort();
  const erase = async () => {
    if (!author) return;
    if (!window.confirm(t.t('erase.confirm', { author }))) return;
    setMessage(t.t('yourData.erasing'));
    try {
      const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/erase`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorizationHeaders(boardId) },
        body: JSON.stringify({ author }),
      });
      const body = (await response.json().catch(() => null)) as {
        erased?: { notes: number };
      } | null;
      setMessage(
        response.ok
          ? t.t('erase.done', { count: body?.erased?.notes ?? 0, author })
          : describeServerError(body, t, t.t('erase.failed')),
      );
    } catch {
      setMessage(t.t('yourData.unreachable'));
    }
  };
  const downloadTheirs = async () => {
    if (!author) return;
    setMessage(t.t('subjectAccess.preparing'));
    try {
      const page = await fetchSubjectAccessPage(boardId, author, t);
      const file = 'subject-access.md';
      downloadText(file, page, 'text/markdown');
      setMessage(t.t('subjectAccess.saved', { file, author }));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : t.t('subjectAccess.failed'));
    }
  };
  return (
    <section className="erase-contributions" aria-labelledby={`${selectId}-heading`}>
      <h3 id={`${selectId}-heading`}>{t.t('erase.title')}</h3>
      <label htmlFor={selectId}>{t.t('erase.postedAs')}</label>{' '}
      <select id={selectId} value={author} onChange={(event) => setAuthor(event.target.value)}>
        <option value="">{t.t('erase.choose')}</option>
        {authors.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>{' '}
      <button type="button" disabled={!author} onClick={erase}>
        {t.t('erase.go')}
      </button>{' '}
      <button type="button" disabled={!author} onClick={downloadTheirs}>
        {t.t('subjectAccess.download')}
      </button>
      <p role="status">{message}</p>
    </section>
  );
}
