import { LANES, type LaneId, laneTitle } from '@costudio/shared';
import { useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/useT.ts';
import './laneList.css';

interface MoveNoteDialogProps {
  /** The lane of the note being moved, or null when the dialog is closed. */
  fromLane: LaneId | null;
  onMove(lane: LaneId): void;
  onClose(): void;
}

/**
 * "Move to lane…": one button per other lane. The single-pointer and keyboard way to do what
 * dragging does on the canvas (WCAG 2.5.7), used by the lane list and by the canvas's M key.
 */
export function MoveNoteDialog({ fromLane, onMove, onClose }: MoveNoteDialogProps) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const open = fromLane !== null;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={dialogRef} aria-labelledby={headingId} className="move-dialog" onClose={onClose}>
      <h2 id={headingId}>{t.t('move.title')}</h2>
      {fromLane && <p>{t.t('move.from', { lane: laneTitle(t, fromLane) })}</p>}
      <ul className="move-dialog__lanes">
        {LANES.filter((lane) => lane.id !== fromLane).map((lane) => (
          <li key={lane.id}>
            <button type="button" onClick={() => onMove(lane.id)}>
              {laneTitle(t, lane.id)}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => dialogRef.current?.close()}>
        {t.t('move.cancel')}
      </button>
    </dialog>
  );
}
