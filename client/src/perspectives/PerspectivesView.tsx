import { computePerspectives, type Note, tallyVote, totalsVisible, type Vote, voteScopeLabel } from '@costudio/shared';
import { useMemo } from 'react';
import { noteLabel } from '../doc/noteLabels.ts';
import { PerspectivesChart } from './PerspectivesChart.tsx';
import { PerspectivesTable } from './PerspectivesTable.tsx';
import './perspectives.css';

interface PerspectivesViewProps {
  vote: Vote;
  /** 1-based position of the vote on the board, as the report numbers it. */
  voteNumber: number;
  notes: ReadonlyMap<string, Note>;
}

/**
 * Where lay participants and practitioners agree and disagree in one vote: call-outs in words,
 * a table and a chart of the share of each group that voted for each note, largest gap first.
 */
export function PerspectivesView({ vote, voteNumber, notes }: PerspectivesViewProps) {
  const noteIds = useMemo(() => new Set(notes.keys()), [notes]);
  const perspectives = useMemo(() => computePerspectives(tallyVote(vote, noteIds)), [vote, noteIds]);
  const { lay, practitioner } = perspectives.votersByRole;
  const heading = `How each group ranked: vote ${voteNumber}${vote.title ? ` – ${vote.title}` : ''}`;

  if (!totalsVisible(vote)) {
    return (
      <section className="perspectives" aria-labelledby="perspectives-heading">
        <h3 id="perspectives-heading">{heading}</h3>
        <p>The facilitator has hidden the totals, so how each group ranked the notes shows when the vote closes.</p>
      </section>
    );
  }
  const caption = `${vote.status === 'open' ? 'So far in' : 'Result of'} vote ${voteNumber} (${voteScopeLabel(vote)}): ${people(lay, 'lay participant')} and ${people(practitioner, 'practitioner')} voted. Each cell: the share of that group’s voters who gave the note at least one dot. Largest difference first.`;
  return (
    <section className="perspectives" aria-labelledby="perspectives-heading">
      <h3 id="perspectives-heading">{heading}</h3>
      {perspectives.notices.map((notice) => (
        <p key={notice} className="perspectives__notice">
          {notice}
        </p>
      ))}
      {perspectives.callouts.length > 0 && (
        <ul className="perspectives__callouts" aria-label="What stands out">
          {perspectives.callouts.map((callout) => (
            <li
              key={`${callout.noteId}-${callout.kind}`}
              className={`perspectives__callout perspectives__callout--${callout.kind}`}
            >
              <strong>“{noteLabel(notes.get(callout.noteId)?.text ?? '', 50)}”:</strong> {callout.message} ({callout.detail}).
            </li>
          ))}
        </ul>
      )}
      {perspectives.rows.length > 0 && (
        <>
          <PerspectivesTable perspectives={perspectives} notes={notes} caption={caption} />
          <PerspectivesChart perspectives={perspectives} notes={notes} />
        </>
      )}
    </section>
  );
}

function people(count: number, singular: string): string {
  return `${count} ${count === 1 ? singular : `${singular}s`}`;
}
