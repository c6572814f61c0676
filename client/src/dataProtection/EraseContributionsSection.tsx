import { readNotes } from '@costudio/shared';
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { authorizationHeaders } from '../device/boardTokens.ts';

/**
 * "Erase what one person wrote" for facilitators (POST /api/boards/<id>/erase): every note posted
 * under a name, from the board and every saved version. Anonymous notes are tied to nobody, so
 * they are erased one by one (by id, through the API).
 */
export function EraseContributionsSection({ boardId, doc }: { boardId: string; doc: Y.Doc }) {
  const selectId = useId();
  const [author, setAuthor] = useState('');
  const [message, setMessage] = useState('');
  const authors = [
    ...new Set(readNotes(doc).flatMap((note) => (note.anonymous || note.author.trim() === '' ? [] : [note.author.trim()]))),
  ].sort();
  const erase = async () => {
    if (!author) return;
    if (!window.confirm(`Erase every note posted as “${author}”, from the board and every saved version? This cannot be undone.`))
      return;
    setMessage('Erasing…');
    try {
      const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/erase`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorizationHeaders(boardId) },
        body: JSON.stringify({ author }),
      });
      const body = (await response.json().catch(() => null)) as {
        erased?: { notes: number };
        error?: { message?: string };
      } | null;
      setMessage(
        response.ok
          ? `Erased ${body?.erased?.notes ?? 0} notes by ${author} from the board and its saved versions.`
          : (body?.error?.message ?? 'Nothing could be erased. Try again.'),
      );
    } catch {
      setMessage('The server could not be reached. Nothing has been erased.');
    }
  };
  return (
    <section className="erase-contributions" aria-labelledby={`${selectId}-heading`}>
      <h3 id={`${selectId}-heading`}>Erase what one person wrote</h3>
      <label htmlFor={selectId}>Notes posted as</label>{' '}
      <select id={selectId} value={author} onChange={(event) => setAuthor(event.target.value)}>
        <option value="">Choose a name</option>
        {authors.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>{' '}
      <button type="button" disabled={!author} onClick={erase}>
        Erase their notes
      </button>
      <p role="status">{message}</p>
    </section>
  );
}
