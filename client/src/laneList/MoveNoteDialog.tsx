import { LANES, type LaneId, laneById } from '@costudio/shared';
import { useEffect, useId, useRef } from 'react';
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
      <h2 id={headingId}>Move to lane…</h2>
      {fromLane && <p>This note is in {laneById(fromLane).title} now. Where should it go?</p>}
      <ul className="move-dialog__lanes">
        {LANES.filter((lane) => lane.id !== fromLane).map((lane) => (
          <li key={lane.id}>
            <button type="button" onClick={() => onMove(lane.id)}>
              {lane.title}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => dialogRef.current?.close()}>
        Cancel
      </button>
    </dialog>
  );
}
