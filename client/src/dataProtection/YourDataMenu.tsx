import { describeServerError, getNotesMap, isAuthoredBy } from '@costudio/shared';
import { useRef, useState } from 'react';
import { authorSecretFor } from '../device/authorSecret.ts';
import { authorizationHeaders } from '../device/boardTokens.ts';
import { useT } from '../i18n/useT.ts';
import { navigate } from '../router/navigation.ts';
import type { BoardSession } from '../session/BoardSession.ts';
import { forgetBoardOnDevice } from './forgetBoardOnDevice.ts';
import './dataProtection.css';

/**
 * "Your data", in the dialog of the name button in the board header (issue 15, docs/privacy.md): erase the notes you wrote on this
 * device, from the board and its saved versions; or forget the board on this device (a shared
 * ward or library PC), clearing its copy, link, remembered name and marks.
 */
export function YourDataMenu({ session }: { session: BoardSession }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { boardId, doc, provider, local, pending } = session;

  const ownNoteIds = () => {
    const secret = authorSecretFor(boardId);
    const ids: string[] = [];
    getNotesMap(doc).forEach((note, id) => {
      if (isAuthoredBy(note, id, secret)) ids.push(id);
    });
    return ids;
  };

  const eraseMine = async () => {
    const noteIds = ownNoteIds();
    if (noteIds.length === 0) {
      setMessage(t.t('yourData.noNotes'));
      return;
    }
    const sure = window.confirm(t.t('yourData.confirmErase', { count: noteIds.length }));
    if (!sure) return;
    setMessage(t.t('yourData.erasing'));
    try {
      const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/erase`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorizationHeaders(boardId) },
        body: JSON.stringify({ noteIds, authorSecret: authorSecretFor(boardId) }),
      });
      const body: unknown = await response.json().catch(() => null);
      setMessage(response.ok ? t.t('yourData.erased') : describeServerError(body, t, t.t('yourData.eraseFailed')));
    } catch {
      setMessage(t.t('yourData.unreachable'));
    }
  };

  const forget = async () => {
    if (!window.confirm(t.t('yourData.confirmForget'))) return;
    provider.disconnect();
    pending.destroy();
    await local.destroy();
    // Leave the board first: closing it records the visit ("what's new"), which is then forgotten too.
    navigate('/');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await forgetBoardOnDevice(boardId);
  };

  return (
    <div className="your-data-anchor">
      <button ref={buttonRef} type="button" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        {t.t('yourData.open')}
      </button>
      {open && (
        <section className="your-data" aria-label={t.t('yourData.open')}>
          <p>{t.t('yourData.summary')}</p>
          <button type="button" onClick={eraseMine}>
            {t.t('yourData.erase')}
          </button>
          <button type="button" onClick={forget}>
            {t.t('yourData.forget')}
          </button>
          <p role="status">{message}</p>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              buttonRef.current?.focus();
            }}
          >
            {t.t('yourData.close')}
          </button>
        </section>
      )}
    </div>
  );
}
