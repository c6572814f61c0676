import { canLink, laneIndex, laneTitle, linkNotes, type Note, statusLabel, unlinkNotes } from '@costudio/shared';
import { useId, useMemo, useState } from 'react';
import { noteAuthor, noteLabel } from '../doc/noteLabels.ts';
import { useNotes } from '../doc/useNotes.ts';
import { useT } from '../i18n/useT.ts';
import { useTrace } from '../trace/useTraceStore.ts';
import type { PanelEnv } from './PanelEnv.ts';
import { writeRefusal } from './replyRefusal.ts';

/** More matches than this are not listed at once: the person narrows them by typing. */
const MAX_SHOWN = 40;

/**
 * "This answers…": the earlier-stage notes this note answers, chosen with checkboxes from a
 * list that a few words narrow down. The keyboard, touch and screen-reader way to make the
 * links between lanes; nothing is dragged. Which notes are offered follows the shared rule
 * (canLink): a decision cites what was said, an action the decision, a measure the action.
 */
export function AnswersPicker({ env, note }: { env: PanelEnv; note: Note }) {
  const { session, readOnly, lockedLanes, announcer } = env;
  const { editor, doc } = session;
  const t = useT();
  const snapshot = useNotes(session.notes);
  const trace = useTrace(env.trace);
  const [filter, setFilter] = useState('');
  const headingId = useId();
  const filterId = useId();
  const answers = useMemo(() => new Set(note.answers), [note.answers]);
  const candidates = useMemo(
    () =>
      [...snapshot.byId.values()]
        .filter((other) => other.id !== note.id && (answers.has(other.id) || canLink(note, other)))
        .sort(
          (a, b) =>
            Number(answers.has(b.id)) - Number(answers.has(a.id)) ||
            laneIndex(a.lane) - laneIndex(b.lane) ||
            a.createdAt - b.createdAt,
        ),
    [snapshot, note, answers],
  );
  const words = filter.trim().toLowerCase();
  const matches = words === '' ? candidates : candidates.filter((other) => other.text.toLowerCase().includes(words));
  const shown = matches.slice(0, MAX_SHOWN);
  const refusal = writeRefusal(
    {
      readOnly,
      laneLocked: lockedLanes.has(note.lane),
      privateWriting: false,
      ownAnonymous: editor.isOwnAnonymousNote(note.id),
    },
    'link',
    laneTitle(t, note.lane),
    t,
  );

  const toggle = (other: Note, on: boolean) => {
    if (on) {
      if (linkNotes(doc, note.id, other.id, editor.origin))
        announcer.say(t.t('trace.answers.linked', { note: noteLabel(other.text, 60, t) }));
    } else {
      unlinkNotes(doc, note.id, other.id, editor.origin);
      announcer.say(t.t('trace.answers.unlinked', { note: noteLabel(other.text, 60, t) }));
    }
  };

  return (
    <section className="note-panel__section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.t('trace.answers.title')}</h3>
      {candidates.length === 0 ? (
        <p>
          {note.lane === 'define' || note.lane === 'design'
            ? t.t('trace.answers.saidLanes', { define: laneTitle(t, 'define'), design: laneTitle(t, 'design') })
            : t.t('trace.answers.none')}
        </p>
      ) : (
        <>
          <p>
            {t.t('trace.answers.tick')} {refusal}
          </p>
          <label htmlFor={filterId}>{t.t('trace.answers.find')}</label>
          <input id={filterId} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} />
          <fieldset className="answers-picker" disabled={refusal !== null}>
            <legend className="visually-hidden">{t.t('trace.answers.legend')}</legend>
            {shown.length === 0 && <p>{t.t('trace.answers.noMatch')}</p>}
            <ul>
              {shown.map((other) => (
                <li key={other.id}>
                  <label className="answers-picker__choice">
                    <input
                      type="checkbox"
                      checked={answers.has(other.id)}
                      onChange={(event) => toggle(other, event.target.checked)}
                    />
                    <span>
                      <span className="answers-picker__text">{noteLabel(other.text, 120, t)}</span>
                      <span className="answers-picker__meta">
                        {laneTitle(t, other.lane)} · {noteAuthor(other, t)} ·{' '}
                        {statusLabel(t, trace.statuses.get(other.id) ?? 'said')}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {matches.length > shown.length && (
              <p>{t.t('trace.answers.showing', { shown: shown.length, total: matches.length })}</p>
            )}
          </fieldset>
        </>
      )}
    </section>
  );
}
