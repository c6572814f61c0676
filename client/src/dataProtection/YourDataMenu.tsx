import { getNotesMap, isAuthoredBy } from '@costudio/shared';
import { useRef, useState } from 'react';
import { authorSecretFor } from '../device/authorSecret.ts';
import { authorizationHeaders } from '../device/boardTokens.ts';
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
      setMessage('There are no notes on this board written on this device.');
      return;
    }
    const sure = window.confirm(
      `Erase your ${noteIds.length === 1 ? 'note' : `${noteIds.length} notes`} from this board and from every saved version? This cannot be undone.`,
    );
    if (!sure) return;
    setMessage('Erasing…');
    try {
      const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/erase`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorizationHeaders(boardId) },
        body: JSON.stringify({ noteIds, authorSecret: authorSecretFor(boardId) }),
      });
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      setMessage(
        response.ok
          ? 'Your notes have been erased from the board and its saved versions.'
          : (body?.error?.message ?? 'Your notes could not be erased. Try again.'),
      );
    } catch {
      setMessage('The server could not be reached. Nothing has been erased.');
    }
  };

  const forget = async () => {
    if (!window.confirm('Forget this board on this device? You will need the link to open it again.')) return;
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
        Your data
      </button>
      {open && (
        <section className="your-data" aria-label="Your data">
          <p>
            What you write here is kept on the server until the board is deleted, and seen by everyone with a link to this board.
            Posting anonymously leaves your name off a note.
          </p>
          <button type="button" onClick={eraseMine}>
            Erase my notes
          </button>
          <button type="button" onClick={forget}>
            Forget this board on this device
          </button>
          <p role="status">{message}</p>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              buttonRef.current?.focus();
            }}
          >
            Close
          </button>
        </section>
      )}
    </div>
  );
}
