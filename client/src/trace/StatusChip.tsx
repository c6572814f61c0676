import { type NoteStatus, statusLabel, statusMeaning } from '@costudio/shared';
import { useT } from '../i18n/useT.ts';
import './trace.css';

/**
 * A note's status as a labelled chip: "Status: Answered". The word carries the meaning; the
 * colour of its edge only helps the eye find notes at one stage.
 */
export function StatusChip({ status }: { status: NoteStatus }) {
  const t = useT();
  return (
    <span className={`status-chip status-chip--${status}`} title={statusMeaning(t, status)}>
      <span className="visually-hidden">{`${t.t('trace.chip.prefix')} `}</span>
      {statusLabel(t, status)}
    </span>
  );
}
