import { CloseCode, describeCloseCode } from '@costudio/shared';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT.ts';
import './dataProtection.css';

/** Shown in place of a board that was deleted (see useBoardDeleted), in plain words. */
export function BoardDeletedNotice() {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="board-deleted" role="alertdialog" aria-modal="true" aria-labelledby="board-deleted-title">
      <div className="board-deleted__card">
        <h2 id="board-deleted-title" ref={headingRef} tabIndex={-1}>
          {t.t('deleted.title')}
        </h2>
        <p>{describeCloseCode(CloseCode.BOARD_DELETED, t)}</p>
        <p>{t.t('deleted.offline')}</p>
        <a href="/">{t.t('deleted.home')}</a>
      </div>
    </div>
  );
}
