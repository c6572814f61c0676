import { describeServerError } from '@costudio/shared';
import { useId, useState } from 'react';
import { authorizationHeaders } from '../device/boardTokens.ts';
import { useT } from '../i18n/useT.ts';

/**
 * "Delete this board" for facilitators (issue 15): the title must be typed to confirm; the
 * server checks it again, deletes everything and closes every socket, this one included, which
 * then clears this device too (BoardDeletedNotice).
 */
export function DeleteBoardSection({ boardId, title }: { boardId: string; title: string }) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'error'; message: string }>({ kind: 'idle', message: '' });
  const inputId = useId();
  const matches = typed.trim().toLocaleLowerCase() === title.trim().toLocaleLowerCase();
  const remove = async () => {
    setState({ kind: 'busy', message: t.t('delete.busy') });
    try {
      const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json', ...authorizationHeaders(boardId) },
        body: JSON.stringify({ confirmTitle: typed }),
      });
      if (response.ok) {
        setState({ kind: 'idle', message: t.t('delete.done') });
        return;
      }
      const body: unknown = await response.json().catch(() => null);
      setState({ kind: 'error', message: describeServerError(body, t, t.t('delete.failed')) });
    } catch {
      setState({ kind: 'error', message: t.t('delete.unreachable') });
    }
  };
  return (
    <section className="delete-board" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`}>{t.t('delete.title')}</h3>
      <p>{t.t('delete.explain')}</p>
      <label htmlFor={inputId}>{t.t('delete.confirmLabel', { title })}</label>
      <input
        id={inputId}
        className="delete-board__confirm"
        value={typed}
        autoComplete="off"
        onChange={(event) => setTyped(event.target.value)}
      />
      <button type="button" className="delete-board__go" disabled={!matches || state.kind === 'busy'} onClick={remove}>
        {t.t('delete.go')}
      </button>
      <p className="delete-board__message" data-kind={state.kind} role="status">
        {state.message}
      </p>
    </section>
  );
}
