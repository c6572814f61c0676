import { useRef, useState } from 'react';
import type * as Y from 'yjs';
import { BackupTools } from '../backup/BackupTools.tsx';
import { AuditLogSection } from '../dataProtection/AuditLogSection.tsx';
import { DeleteBoardSection } from '../dataProtection/DeleteBoardSection.tsx';
import { EraseContributionsSection } from '../dataProtection/EraseContributionsSection.tsx';
import { RetentionSection } from '../dataProtection/RetentionSection.tsx';
import { boardAccess, boardToken } from '../device/boardTokens.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import './history.css';
import { useT } from '../i18n/useT.ts';

/**
 * "History & backups" in the board header: opens the history and backup tools beside the board.
 * Shown to facilitators, and on a device without a link (a server run without links, where the
 * API lets everyone in); participants' links would be refused, so they do not see it.
 */
export function HistoryMenu({ boardId, doc, title }: { boardId: string; doc: Y.Doc; title: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  if (boardToken(boardId) !== null && boardAccess(boardId) !== 'facilitate') return null;
  // Closing puts focus back on the button, so keyboard users are not dropped at the page's top.
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <>
      <button ref={buttonRef} type="button" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        {t.t('header.historyMenu')}
      </button>
      {open && (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape is a shortcut; every control inside is a real button
        <div
          className="history-drawer"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            close();
          }}
        >
          <HistoryPanel boardId={boardId} onClose={close} />
          <BackupTools boardId={boardId} doc={doc} title={title} />
          <EraseContributionsSection boardId={boardId} doc={doc} />
          <AuditLogSection boardId={boardId} />
          <RetentionSection boardId={boardId} />
          <DeleteBoardSection boardId={boardId} title={title} />
        </div>
      )}
    </>
  );
}
