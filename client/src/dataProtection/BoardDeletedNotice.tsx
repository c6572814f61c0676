import { CloseCode, describeCloseCode } from '@costudio/shared';
import { useEffect, useRef } from 'react';
import './dataProtection.css';

/** Shown in place of a board that was deleted (see useBoardDeleted), in plain words. */
export function BoardDeletedNotice() {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="board-deleted" role="alertdialog" aria-modal="true" aria-labelledby="board-deleted-title">
      <div className="board-deleted__card">
        <h2 id="board-deleted-title" ref={headingRef} tabIndex={-1}>
          This board has been deleted
        </h2>
        <p>{describeCloseCode(CloseCode.BOARD_DELETED)}</p>
        <p>Anything written here while this device was offline could not be saved, because the board no longer exists.</p>
        <a href="/">Go to the start page</a>
      </div>
    </div>
  );
}
