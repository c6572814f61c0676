import { ENGLISH, laneById, laneTitle, type Note, traceNote } from '@costudio/shared';
import { useId, useMemo } from 'react';
import { noteAuthor, noteLabel } from '../doc/noteLabels.ts';
import { STATUS_LABEL } from '../trace/statusLabels.ts';
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
  const trace = useTrace(env.trace);
  const headingId = useId();
  const path = useMemo(() => traceNote(trace.notes, note.id), [trace.notes, note.id]);
  const item = (traced: Note) => {
    // The trace is computed when links change; the words are read as they are now.
    const other = env.session.notes.getNote(traced.id) ?? traced;
    return (
      <li key={other.id} className="trace-list__item">
        <span className="trace-list__text">
          {noteLabel(other.text, 120)}
          <span className="trace-list__meta">
            {' '}
            ({laneTitle(ENGLISH, other.lane)} · {noteAuthor(other)} · {STATUS_LABEL[trace.statuses.get(other.id) ?? 'said']})
          </span>
        </span>
        <span className="trace-list__actions">
          <button type="button" onClick={() => onJump(other.id)}>
            Go to<span className="visually-hidden"> the note “{noteLabel(other.text)}”</span>
          </button>
          <button type="button" onClick={() => onShowNote(other.id)}>
            Its replies and links<span className="visually-hidden">: “{noteLabel(other.text)}”</span>
          </button>
        </span>
      </li>
    );
  };
  return (
    <section className="note-panel__section" aria-labelledby={headingId}>
      <h3 id={headingId}>Trace</h3>
      <h4>Where it came from</h4>
      {path.earlier.length === 0 ? (
        <p>Nothing earlier: this is where it starts.</p>
      ) : (
        <ul className="trace-list">{path.earlier.map(item)}</ul>
      )}
      <h4>What came of it</h4>
      {path.later.length === 0 ? <p>Not yet.</p> : <ul className="trace-list">{path.later.map(item)}</ul>}
    </section>
  );
}
