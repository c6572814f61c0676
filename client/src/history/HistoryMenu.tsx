import { useState } from 'react';
import type * as Y from 'yjs';
import { BackupTools } from '../backup/BackupTools.tsx';
import { boardAccess, boardToken } from '../share/boardTokens.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import './history.css';

/**
 * "History & backups" in the board header: opens the history and backup tools beside the board.
 * Shown to facilitators, and on a device without a link (a server run without links, where the
 * API lets everyone in); participants' links would be refused, so they do not see it.
 */
export function HistoryMenu({ boardId, doc, title }: { boardId: string; doc: Y.Doc; title: string }) {
  const [open, setOpen] = useState(false);
  if (boardToken(boardId) !== null && boardAccess(boardId) !== 'facilitate') return null;
  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen((value) => !value)}>
        History &amp; backups
      </button>
      {open && (
        <div className="history-drawer">
          <HistoryPanel boardId={boardId} onClose={() => setOpen(false)} />
          <BackupTools boardId={boardId} doc={doc} title={title} />
        </div>
      )}
    </>
  );
}
