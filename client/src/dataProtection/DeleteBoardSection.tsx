import { useId, useState } from 'react';
import { authorizationHeaders } from '../device/boardTokens.ts';

/**
 * "Delete this board" for facilitators (issue 15): the title must be typed to confirm; the
 * server checks it again, deletes everything and closes every socket, this one included, which
 * then clears this device too (BoardDeletedNotice).
 */
export function DeleteBoardSection({ boardId, title }: { boardId: string; title: string }) {
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'error'; message: string }>({ kind: 'idle', message: '' });
  const inputId = useId();
  const matches = typed.trim().toLocaleLowerCase() === title.trim().toLocaleLowerCase();
  const remove = async () => {
    setState({ kind: 'busy', message: 'Deleting…' });
    try {
      const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json', ...authorizationHeaders(boardId) },
        body: JSON.stringify({ confirmTitle: typed }),
      });
      if (response.ok) {
        setState({ kind: 'idle', message: 'The board has been deleted.' });
        return;
      }
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setState({ kind: 'error', message: body?.error?.message ?? 'The board could not be deleted. Try again.' });
    } catch {
      setState({ kind: 'error', message: 'The server could not be reached. Nothing has been deleted.' });
    }
  };
  return (
    <section className="delete-board" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`}>Delete this board</h3>
      <p>
        Deletes the board for everyone, with every note, every saved version, every link and private notes. It cannot be undone.
        Export a copy first if you need one.
      </p>
      <label htmlFor={inputId}>Type the board’s title, “{title}”, to confirm</label>
      <input
        id={inputId}
        className="delete-board__confirm"
        value={typed}
        autoComplete="off"
        onChange={(event) => setTyped(event.target.value)}
      />
      <button type="button" className="delete-board__go" disabled={!matches || state.kind === 'busy'} onClick={remove}>
        Delete this board for good
      </button>
      <p className="delete-board__message" data-kind={state.kind} role="status">
        {state.message}
      </p>
    </section>
  );
}
