import { computePerspectives, type Note, tallyVote, totalsVisible, type Vote, voteScopeLabel } from '@costudio/shared';
import { useMemo } from 'react';
import { noteLabel } from '../doc/noteLabels.ts';
import { PerspectivesChart } from './PerspectivesChart.tsx';
import { PerspectivesTable } from './PerspectivesTable.tsx';
import './perspectives.css';
import { useT } from '../i18n/useT.ts';

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
  const t = useT();
  const noteIds = useMemo(() => new Set(notes.keys()), [notes]);
  const perspectives = useMemo(() => computePerspectives(tallyVote(vote, noteIds), t), [vote, noteIds, t]);
  const { lay, practitioner } = perspectives.votersByRole;
  const heading = vote.title
    ? t.t('perspectives.headingTitled', { number: voteNumber, title: vote.title })
    : t.t('perspectives.heading', { number: voteNumber });

  if (!totalsVisible(vote)) {
    return (
      <section className="perspectives" aria-labelledby="perspectives-heading">
        <h3 id="perspectives-heading">{heading}</h3>
        <p>{t.t('perspectives.hidden')}</p>
      </section>
    );
  }
  const caption = t.t('perspectives.caption', {
    status: vote.status,
    number: voteNumber,
    scope: voteScopeLabel(vote, t),
    lay,
    practitioners: practitioner,
  });
  return (
    <section className="perspectives" aria-labelledby="perspectives-heading">
      <h3 id="perspectives-heading">{heading}</h3>
      {perspectives.notices.map((notice) => (
        <p key={notice} className="perspectives__notice">
          {notice}
        </p>
      ))}
      {perspectives.callouts.length > 0 && (
        <ul className="perspectives__callouts" aria-label={t.t('perspectives.standsOut')}>
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
