import { useEffect, useState } from 'react';
import type { BoardEditor } from '../doc/BoardEditor.ts';
import './notices.css';
import { useT } from '../i18n/useT.ts';

/**
 * Says why an undo left a note on the board: someone else has written in it (issue 12, item 9).
 * The live region is always in the page, so the sentence is read when it appears.
 */
export function UndoKeptNotice({ editor }: { editor: BoardEditor }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  useEffect(() => editor.onUndoKeptNote(() => setShown(true)), [editor]);
  return (
    <div aria-live="polite">
      {shown && (
        <div className="board-notice" data-testid="undo-kept-notice">
          <p>{t.t('notice.undoKept')}</p>
          <button type="button" onClick={() => setShown(false)}>
            {t.t('notice.ok')}
          </button>
        </div>
      )}
    </div>
  );
}
