import type { MessageId } from '@costudio/shared';
import { useId, useRef, useState } from 'react';
import { useT } from '../i18n/useT.ts';

/** Each row is a pair of messages, `<prefix>.<n>.key` and `<prefix>.<n>.does`, n from 1. */
const ROWS = { board: 9, list: 4, controls: 12 } as const;

function KeyTable({ caption, rows, first }: { caption: string; rows: keyof typeof ROWS; first: string }) {
  const t = useT();
  const numbers = Array.from({ length: ROWS[rows] }, (_, index) => index + 1);
  const message = (n: number, part: 'key' | 'does') => t.t(`help.${rows}.${n}.${part}` as MessageId);
  return (
    <table className="help-sheet__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col">{t.t('help.does')}</th>
        </tr>
      </thead>
      <tbody>
        {numbers.map((n) => (
          <tr key={n}>
            <th scope="row">{message(n, 'key')}</th>
            <td>{message(n, 'does')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "?": a sheet of the keys (board and list) and of what each control does, in plain words. */
export function HelpButton() {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  // The tables are drawn when the sheet opens: a hundred cells nobody sees would otherwise be
  // part of every board's first render.
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="help-button"
        aria-label={t.t('help.open')}
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialogRef.current?.showModal();
        }}
      >
        ?<span className="more-menu__words"> {t.t('help.title')}</span>
      </button>
      <dialog ref={dialogRef} aria-labelledby={headingId} className="help-sheet" onClose={() => setOpen(false)}>
        <div className="side-sheet__top">
          <h2 id={headingId}>{t.t('help.title')}</h2>
          <button type="button" className="button-primary" onClick={() => dialogRef.current?.close()}>
            {t.t('help.close')}
          </button>
        </div>
        {open && (
          <>
            <KeyTable caption={t.t('help.controls')} first={t.t('help.button')} rows="controls" />
            <KeyTable caption={t.t('help.boardKeys')} first={t.t('help.key')} rows="board" />
            <KeyTable caption={t.t('help.listKeys')} first={t.t('help.key')} rows="list" />
            <p>{t.t('help.escape')}</p>
          </>
        )}
      </dialog>
    </>
  );
}
