import { MAX_TITLE_LENGTH } from '@costudio/shared';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { rememberBoardToken } from '../device/boardTokens.ts';
import { readRecentBoards, rememberBoard } from '../device/recentBoards.ts';
import { LanguagePicker } from '../i18n/LanguagePicker.tsx';
import { useT } from '../i18n/useT.ts';
import { navigate } from '../router/navigation.ts';
import { boardPath } from '../router/route.ts';
import { createBoard } from './createBoard.ts';

/** Make a new board, or go back to one opened before on this device. */
export function StartPage() {
  const t = useT();
  const titleId = useId();
  const errorId = useId();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const recent = readRecentBoards();

  useEffect(() => {
    document.title = t.t('start.documentTitle');
  }, [t]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setError(t.t('start.nameMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const board = await createBoard(title);
      rememberBoard({ id: board.id, title: board.title });
      // The facilitator link is this device's key to run the board (share links, docs/api.md).
      if (board.facilitatorToken) rememberBoardToken(board.id, board.facilitatorToken);
      navigate(boardPath(board.id));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t.t('start.failed'));
      setBusy(false);
    }
  };

  return (
    <main className="start-page">
      <LanguagePicker />
      <h1>Costudio</h1>
      <p className="start-page__intro">{t.t('start.intro')}</p>
      <section aria-labelledby="new-board-heading" className="card">
        <h2 id="new-board-heading">{t.t('start.newBoard')}</h2>
        <form onSubmit={onSubmit} noValidate>
          <label htmlFor={titleId}>{t.t('start.boardName')}</label>
          <input
            id={titleId}
            type="text"
            value={title}
            maxLength={MAX_TITLE_LENGTH}
            onChange={(event) => setTitle(event.target.value)}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
            autoComplete="off"
          />
          {error && (
            <p id={errorId} className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? t.t('start.creating') : t.t('start.newBoard')}
          </button>
        </form>
      </section>
      <section aria-labelledby="recent-heading" className="card">
        <h2 id="recent-heading">{t.t('start.recent')}</h2>
        {recent.length === 0 ? (
          <p>{t.t('start.noneYet')}</p>
        ) : (
          <ul className="recent-boards">
            {recent.map((board) => (
              <li key={board.id}>
                <a
                  href={boardPath(board.id)}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(boardPath(board.id));
                  }}
                >
                  {board.title || t.t('start.untitled')}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
