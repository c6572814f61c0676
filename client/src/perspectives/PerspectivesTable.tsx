import { formatPercent, formatPoints, type Note, type Perspectives, type Role } from '@costudio/shared';
import { noteLabel } from '../doc/noteLabels.ts';
import { useT } from '../i18n/useT.ts';

interface PerspectivesTableProps {
  perspectives: Perspectives;
  notes: ReadonlyMap<string, Note>;
  caption: string;
}

/**
 * The numbers behind the chart, as a table a screen reader can walk cell by cell. Where it is
 * narrow (a phone, the side panel) each note's row is shown as a small card, every figure
 * labelled with its column (data-label), so no header is broken mid-word and nothing scrolls
 * sideways (perspectives.css).
 */
export function PerspectivesTable({ perspectives, notes, caption }: PerspectivesTableProps) {
  const t = useT();
  const COLUMNS = {
    lay: t.t('perspectives.col.lay'),
    practitioner: t.t('perspectives.col.practitioner'),
    difference: t.t('perspectives.col.difference'),
  };
  const { votersByRole } = perspectives;
  const share = (row: Perspectives['rows'][number], role: Role) =>
    row.shares[role] === null
      ? '—'
      : t.t('perspectives.share', {
          share: formatPercent(row.shares[role], t),
          voters: row.voters[role],
          total: votersByRole[role],
        });
  return (
    <table className="perspectives-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.t('perspectives.col.note')}</th>
          <th scope="col">{COLUMNS.lay}</th>
          <th scope="col">{COLUMNS.practitioner}</th>
          <th scope="col">{COLUMNS.difference}</th>
        </tr>
      </thead>
      <tbody>
        {perspectives.rows.map((row) => (
          <tr key={row.noteId} data-note-id={row.noteId}>
            <th scope="row">{noteLabel(notes.get(row.noteId)?.text ?? '', 60, t)}</th>
            <td data-label={COLUMNS.lay}>{share(row, 'lay')}</td>
            <td data-label={COLUMNS.practitioner}>{share(row, 'practitioner')}</td>
            <td data-label={COLUMNS.difference}>{formatPoints(row.difference, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
