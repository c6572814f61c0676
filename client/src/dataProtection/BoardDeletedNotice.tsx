import { CloseCode, describeCloseCode } from '@costudio/shared';
import { useEffect, useRef, useState } from 'react';
import type { BoardSession } from '../session/BoardSession.ts';
import { forgetBoardOnDevice } from './forgetBoardOnDevice.ts';
import './dataProtection.css';

/**
 * When the relay says the board was deleted (close code 4411), stops reconnecting, clears the
 * board from this device (local copy, link, name, visit marks) and tells the person so, in
 * place of the board. Edits made offline are not kept: the board is gone for everyone.
 */
export function BoardDeletedNotice({ session }: { session: BoardSession }) {
  const [deleted, setDeleted] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const { provider, pending, local, boardId } = session;
    const onClose = (event: CloseEvent | null) => {
      if (event?.code !== CloseCode.BOARD_DELETED) return;
      provider.disconnect();
      pending.destroy();
      setDeleted(true);
      // The local copy's database must be closed before it can be deleted.
      void local.destroy().then(() => forgetBoardOnDevice(boardId));
    };
    provider.on('connection-close', onClose);
    return () => provider.off('connection-close', onClose);
  }, [session]);
  useEffect(() => {
    if (deleted) headingRef.current?.focus();
  }, [deleted]);
  if (!deleted) return null;
  return (
    <div className="board-deleted" role="alertdialog" aria-modal="true" aria-labelledby="board-deleted-title">
      <div className="board-deleted__card">
        <h2 id="board-deleted-title" ref={headingRef} tabIndex={-1}>
          This board has been deleted
        </h2>
        <p>{describeCloseCode(CloseCode.BOARD_DELETED)}</p>
        <p>Anything you wrote here while you were offline could not be saved, because the board no longer exists.</p>
        <a href="/">Go to the start page</a>
      </div>
    </div>
  );
}
