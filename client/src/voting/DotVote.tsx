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
import { useT } from '../i18n/useT.ts';
import { RoleIcon } from '../presence/RoleIcon.tsx';
import type { BoardSession } from '../session/BoardSession.ts';
import { dotsLeftSentence, refusalMessage } from './dotMessages.ts';

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
  const t = useT();
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
    if (!result.ok) return setMessage(refusalMessage(result.reason, vote.dotsPerPerson, t));
    setMessage(t.t('dot.added', { note: noteLabel(note.text, 40, t), left: dotsLeftSentence(result.dotsLeft, t) }));
  };
  const takeBack = (note: Note) => {
    if (!takeBackDot(doc, { voteId: vote.id, participantId, noteId: note.id }, editor.origin)) return;
    const now = readVote(vote.id, getVotesMap(doc).get(vote.id));
    setMessage(
      t.t('dot.takenBack', {
        note: noteLabel(note.text, 40, t),
        left: dotsLeftSentence(now ? dotsLeft(now, participantId, noteIds) : 0, t),
      }),
    );
  };

  return (
    <section className="dot-vote" aria-labelledby="dot-vote-heading">
      <h3 id="dot-vote-heading">
        {vote.title ? t.t('dot.headingTitled', { title: vote.title }) : t.t('dot.heading')}{' '}
        <span className="dot-vote__scope">{t.t('dot.scope', { scope: voteScopeLabel(vote, t) })}</span>
      </h3>
      <p className="dot-vote__left" data-testid="dots-left">
        <strong>{t.t('dot.leftStrong', { left })}</strong>
        {t.t('dot.leftRest', { total: vote.dotsPerPerson })}
      </p>
      {mine && mine.excess.length > 0 && <p className="dot-vote__excess">{t.t('dot.excess', { count: mine.excess.length })}</p>}
      <p className="dot-vote__totals-note">{showTotals ? t.t('dot.totalsShown') : t.t('dot.totalsHidden')}</p>
      {access === 'facilitate' && (
        <fieldset className="dot-vote__facilitator">
          <legend className="visually-hidden">{t.t('dot.facilitatorControls')}</legend>
          <button type="button" className="button-primary" onClick={() => closeVote(doc, vote.id, Date.now(), editor.origin)}>
            {t.t('dot.close')}
          </button>
          <label className="dot-vote__check">
            <input
              type="checkbox"
              checked={vote.hideTotals}
              onChange={(event) => setHideTotals(doc, vote.id, event.target.checked, editor.origin)}
            />
            {t.t('dot.hideTotals')}
          </label>
        </fieldset>
      )}
      <div className="dot-vote__message" aria-live="polite" aria-atomic="true">
        {message}
      </div>
      {inScope.length === 0 ? (
        <p>{t.t('dot.noNotes')}</p>
      ) : (
        <ul className="dot-vote__notes" aria-label={t.t('dot.notesLabel')}>
          {inScope.map((note) => {
            const label = noteLabel(note.text, 60, t);
            const myCount = myDotsOn.get(note.id) ?? 0;
            const total = tally.byNote.get(note.id)?.totalDots ?? 0;
            return (
              <li key={note.id} className="vote-note" data-note-id={note.id}>
                <p className="vote-note__text">{label}</p>
                <p className="vote-note__author">
                  <RoleIcon role={note.authorRole} /> {noteAuthorLabel(note, t)}
                </p>
                <p className="vote-note__dots">
                  <span aria-hidden="true" className="vote-note__pips">
                    {'●'.repeat(Math.min(myCount, 20))}
                  </span>{' '}
                  {t.t('dot.yourDots', { count: myCount })}
                  {showTotals && t.t('dot.allDots', { count: total })}
                </p>
                {canVote && (
                  <div className="vote-note__actions">
                    <button type="button" aria-label={t.t('dot.addAria', { note: label })} onClick={() => add(note)}>
                      {t.t('dot.add')}
                    </button>
                    <button
                      type="button"
                      aria-label={t.t('dot.takeBackAria', { note: label })}
                      disabled={myCount === 0}
                      onClick={() => takeBack(note)}
                    >
                      {t.t('dot.takeBack')}
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
