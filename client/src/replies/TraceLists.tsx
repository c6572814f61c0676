import { laneTitle, type Note, statusLabel, traceNote } from '@costudio/shared';
import { useId, useMemo } from 'react';
import { noteAuthor, noteLabel } from '../doc/noteLabels.ts';
import { useT } from '../i18n/useT.ts';
import { useTrace } from '../trace/useTraceStore.ts';
import type { PanelEnv } from './PanelEnv.ts';

interface TraceListsProps {
  env: PanelEnv;
  note: Note;
  onShowNote(noteId: string): void;
  onJump(noteId: string): void;
}

/** A note's path both ways: what it came from, and what came of it, each note a step away. */
export function TraceLists({ env, note, onShowNote, onJump }: TraceListsProps) {
  const t = useT();
  const trace = useTrace(env.trace);
  const headingId = useId();
  const path = useMemo(() => traceNote(trace.notes, note.id), [trace.notes, note.id]);
  const item = (traced: Note) => {
    // The trace is computed when links change; the words are read as they are now.
    const other = env.session.notes.getNote(traced.id) ?? traced;
    const label = noteLabel(other.text, 60, t);
    return (
      <li key={other.id} className="trace-list__item">
        <span className="trace-list__text">
          {noteLabel(other.text, 120, t)}
          <span className="trace-list__meta">
            {' '}
            ({laneTitle(t, other.lane)} · {noteAuthor(other, t)} · {statusLabel(t, trace.statuses.get(other.id) ?? 'said')})
          </span>
        </span>
        <span className="trace-list__actions">
          <button type="button" onClick={() => onJump(other.id)}>
            {t.t('trace.lists.goTo')}
            <span className="visually-hidden">{` ${t.t('trace.lists.goToNote', { note: label })}`}</span>
          </button>
          <button type="button" onClick={() => onShowNote(other.id)}>
            {t.t('trace.lists.open')}
            <span className="visually-hidden">: “{label}”</span>
          </button>
        </span>
      </li>
    );
  };
  return (
    <section className="note-panel__section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.t('trace.lists.title')}</h3>
      <h4>{t.t('trace.lists.earlier')}</h4>
      {path.earlier.length === 0 ? (
        <p>{t.t('trace.lists.noEarlier')}</p>
      ) : (
        <ul className="trace-list">{path.earlier.map(item)}</ul>
      )}
      <h4>{t.t('trace.lists.later')}</h4>
      {path.later.length === 0 ? <p>{t.t('trace.lists.noLater')}</p> : <ul className="trace-list">{path.later.map(item)}</ul>}
    </section>
  );
}
