import type { NoteStatus } from '@costudio/shared';
import { STATUS_LABEL, STATUS_MEANING } from './statusLabels.ts';
import './trace.css';

/**
 * A note's status as a labelled chip: "Status: Answered". The word carries the meaning; the
 * colour of its edge only helps the eye find notes at one stage.
 */
export function StatusChip({ status }: { status: NoteStatus }) {
  return (
    <span className={`status-chip status-chip--${status}`} title={STATUS_MEANING[status]}>
      <span className="visually-hidden">Status: </span>
      {STATUS_LABEL[status]}
    </span>
  );
}
