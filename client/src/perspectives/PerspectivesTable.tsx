import { formatPercent, formatPoints, type Note, type Perspectives, type Role } from '@costudio/shared';
import { noteLabel } from '../doc/noteLabels.ts';

interface PerspectivesTableProps {
  perspectives: Perspectives;
  notes: ReadonlyMap<string, Note>;
  caption: string;
}

/** The numbers behind the chart, as a table a screen reader can walk cell by cell. */
export function PerspectivesTable({ perspectives, notes, caption }: PerspectivesTableProps) {
  const { votersByRole } = perspectives;
  const share = (row: Perspectives['rows'][number], role: Role) =>
    row.shares[role] === null ? '—' : `${formatPercent(row.shares[role])} (${row.voters[role]} of ${votersByRole[role]})`;
  return (
    <table className="perspectives-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Note</th>
          <th scope="col">Lay participants</th>
          <th scope="col">Practitioners</th>
          <th scope="col">Difference</th>
        </tr>
      </thead>
      <tbody>
        {perspectives.rows.map((row) => (
          <tr key={row.noteId} data-note-id={row.noteId}>
            <th scope="row">{noteLabel(notes.get(row.noteId)?.text ?? '')}</th>
            <td>{share(row, 'lay')}</td>
            <td>{share(row, 'practitioner')}</td>
            <td>{formatPoints(row.difference)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
