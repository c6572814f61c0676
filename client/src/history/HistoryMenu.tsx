import { useState } from 'react';
import type * as Y from 'yjs';
import { BackupTools } from '../backup/BackupTools.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import './history.css';

/** "History & backups" in the board header: opens the history and backup tools beside the board. */
export function HistoryMenu({ boardId, doc, title }: { boardId: string; doc: Y.Doc; title: string }) {
  const [open, setOpen] = useState(false);
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
