import type { Access } from '@costudio/shared';
import {
  closeVote,
  dotsLeft,
  getVotesMap,
  laneIndex,
  type Note,
  noteAuthorLabel,
  placeDot,
  type Role,
  readVote,
  setHideTotals,
  takeBackDot,
  tallyVote,
  totalsVisible,
  type Vote,
  voteScopeLabel,
} from '@costudio/shared';
import { useMemo, useState } from 'react';
import { noteLabel } from '../doc/noteLabels.ts';
import { RoleIcon } from '../presence/RoleIcon.tsx';
import type { BoardSession } from '../session/BoardSession.ts';
import { dots, dotsLeftSentence, refusalMessage } from './dotMessages.ts';

interface DotVoteProps {
  session: BoardSession;
  vote: Vote;
  notes: ReadonlyMap<string, Note>;
  participantId: string;
  role: Role;
  access: Access;
}

/** An open dot vote: dots left, a place / take back pair of buttons per note, facilitator controls. */
export function DotVote({ session, vote, notes, participantId, role, access }: DotVoteProps) {
  const { doc, editor } = session;
  const [message, setMessage] = useState('');
  const noteIds = useMemo(() => new Set(notes.keys()), [notes]);
  const tally = useMemo(() => tallyVote(vote, noteIds), [vote, noteIds]);
  const left = dotsLeft(vote, participantId, noteIds);
  const showTotals = totalsVisible(vote);
  const mine = tally.voters.get(participantId);
  const myDotsOn = useMemo(() => {
    const counts = new Map<string, number>();
    for (const dot of vote.dots) if (dot.voter === participantId) counts.set(dot.noteId, (counts.get(dot.noteId) ?? 0) + 1);
    return counts;
  }, [vote, participantId]);
  const inScope = useMemo(
    () =>
      [...notes.values()]
        .filter((note) => vote.scope === 'board' || note.lane === vote.scope)
        .sort((a, b) => laneIndex(a.lane) - laneIndex(b.lane) || a.y - b.y || a.x - b.x),
    [notes, vote.scope],
  );
  const canVote = access !== 'view';

  const add = (note: Note) => {
    const result = placeDot(doc, { voteId: vote.id, participantId, role, noteId: note.id }, editor.origin);
    if (!result.ok) return setMessage(refusalMessage(result.reason, vote.dotsPerPerson));
    setMessage(`Dot added to “${noteLabel(note.text, 40)}”. ${dotsLeftSentence(result.dotsLeft)}`);
  };
  const takeBack = (note: Note) => {
    if (!takeBackDot(doc, { voteId: vote.id, participantId, noteId: note.id }, editor.origin)) return;
    const now = readVote(vote.id, getVotesMap(doc).get(vote.id));
    setMessage(
      `Dot taken back from “${noteLabel(note.text, 40)}”. ${dotsLeftSentence(now ? dotsLeft(now, participantId, noteIds) : 0)}`,
    );
  };

  return (
    <section className="dot-vote" aria-labelledby="dot-vote-heading">
      <h3 id="dot-vote-heading">
        Vote open{vote.title ? `: ${vote.title}` : ''} <span className="dot-vote__scope">({voteScopeLabel(vote)})</span>
      </h3>
      <p className="dot-vote__left" data-testid="dots-left">
        <strong>You have {dots(left)} left</strong> of {vote.dotsPerPerson}. You may put more than one dot on a note that matters
        most to you.
      </p>
      {mine && mine.excess.length > 0 && (
        <p className="dot-vote__excess">
          {dots(mine.excess.length)} you placed on another device at the same moment {mine.excess.length === 1 ? 'is' : 'are'} not
          counted and will be removed.
        </p>
      )}
      <p className="dot-vote__totals-note">
        {showTotals ? 'Running totals are shown.' : 'Totals are hidden until the facilitator closes the vote.'}
      </p>
      {access === 'facilitate' && (
        <fieldset className="dot-vote__facilitator">
          <legend className="visually-hidden">Facilitator controls</legend>
          <button type="button" className="button-primary" onClick={() => closeVote(doc, vote.id, Date.now(), editor.origin)}>
            Close vote
          </button>
          <label className="dot-vote__check">
            <input
              type="checkbox"
              checked={vote.hideTotals}
              onChange={(event) => setHideTotals(doc, vote.id, event.target.checked, editor.origin)}
            />
            Hide totals until the vote closes
          </label>
        </fieldset>
      )}
      <div className="dot-vote__message" aria-live="polite" aria-atomic="true">
        {message}
      </div>
      {inScope.length === 0 ? (
        <p>There are no notes to vote on yet.</p>
      ) : (
        <ul className="dot-vote__notes" aria-label="Notes to vote on">
          {inScope.map((note) => {
            const label = noteLabel(note.text);
            const myCount = myDotsOn.get(note.id) ?? 0;
            const total = tally.byNote.get(note.id)?.totalDots ?? 0;
            return (
              <li key={note.id} className="vote-note" data-note-id={note.id}>
                <p className="vote-note__text">{label}</p>
                <p className="vote-note__author">
                  <RoleIcon role={note.authorRole} /> {noteAuthorLabel(note)}
                </p>
                <p className="vote-note__dots">
                  <span aria-hidden="true" className="vote-note__pips">
                    {'●'.repeat(Math.min(myCount, 20))}
                  </span>{' '}
                  Your dots: {myCount}
                  {showTotals && <> · All dots: {total}</>}
                </p>
                {canVote && (
                  <div className="vote-note__actions">
                    <button type="button" aria-label={`Add a dot to: ${label}`} onClick={() => add(note)}>
                      Add a dot
                    </button>
                    <button
                      type="button"
                      aria-label={`Take back a dot from: ${label}`}
                      disabled={myCount === 0}
                      onClick={() => takeBack(note)}
                    >
                      Take back a dot
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
