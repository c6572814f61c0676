import { formatDate, LANES, type LaneId, laneById, type Note, type Reply, traceNote } from '@costudio/shared';
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { noteAuthor } from '../doc/noteLabels.ts';
import { useBoardMeta } from '../doc/useBoardMeta.ts';
import { useNotes } from '../doc/useNotes.ts';
import { boardPath } from '../router/route.ts';
import type { BoardSession } from '../session/BoardSession.ts';
import { StatusChip } from '../trace/StatusChip.tsx';
import { useTrace, useTraceStore } from '../trace/useTraceStore.ts';
import { youSaidWeDidHref } from '../trace/youSaidWeDidLink.ts';
import './youSaidWeDid.css';

/**
 * `/b/<id>?view=you-said-we-did[&date=YYYY-MM-DD]`: what lay participants said and what came
 * of each, honestly "Not yet" where nothing has; for the whole board or one meeting date. A
 * page to read, print (print CSS leaves the controls out) or download as HTML or Markdown to
 * send to participants between meetings (issue 16). The downloads are the shared report's.
 */
export function YouSaidWeDidPage({ session }: { session: BoardSession }) {
  const { doc, provider, boardId } = session;
  const meta = useBoardMeta(doc);
  const synced = useSyncExternalStore(
    (onChange) => {
      provider.on('sync', onChange);
      return () => provider.off('sync', onChange);
    },
    () => provider.synced,
  );
  const snapshot = useNotes(session.notes);
  const store = useTraceStore(doc, session.notes);
  const trace = useTrace(store);
  const [date, setDate] = useState(() => new URLSearchParams(location.search).get('date') ?? '');
  const dateId = useId();

  useEffect(() => {
    document.title = `You said, we did – ${meta.title} – Costudio`;
  }, [meta.title]);

  const notes = useMemo(() => [...snapshot.byId.values()], [snapshot]);
  const layNotes = notes.filter((note) => note.authorRole === 'lay');
  const dates = [...new Set(layNotes.map((note) => formatDate(note.createdAt)))].filter((day) => day !== 'unknown').sort();
  const chosen = layNotes
    .filter((note) => date === '' || formatDate(note.createdAt) === date)
    .sort((a, b) => a.createdAt - b.createdAt);
  const cameOf = chosen.filter((note) => (trace.statuses.get(note.id) ?? 'said') !== 'said').length;

  const chooseDate = (next: string) => {
    setDate(next);
    history.replaceState(null, '', youSaidWeDidHref(next || undefined));
  };

  return (
    <main className="yswd">
      <p className="yswd__back">
        <a href={`${boardPath(boardId)}${location.hash}`}>Back to the board</a>
      </p>
      <h1>You said, we did</h1>
      <p className="yswd__about">
        {meta.title} · {date === '' ? 'All meetings' : `Meeting of ${date}`} · made on {formatDate(Date.now())}
      </p>
      <div className="yswd__tools">
        <label htmlFor={dateId}>Meeting</label>
        <select id={dateId} value={date} onChange={(event) => chooseDate(event.target.value)}>
          <option value="">All meetings</option>
          {dates.map((day) => (
            <option key={day} value={day}>
              {day}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => print()}>
          Print
        </button>
      </div>
      {!synced && notes.length === 0 ? (
        <p role="status">Loading the board…</p>
      ) : chosen.length === 0 ? (
        <p>No lay participant has written a note {date === '' ? 'on this board' : 'on that date'} yet.</p>
      ) : (
        <>
          <p className="yswd__summary">{summaryLine(chosen.length, cameOf)}</p>
          {LANES.map((lane) => {
            const inLane = chosen.filter((note) => note.lane === lane.id);
            if (inLane.length === 0) return null;
            return (
              <section key={lane.id} className="yswd__lane" aria-labelledby={`yswd-${lane.id}`}>
                <h2 id={`yswd-${lane.id}`}>
                  In {lane.title}: {lane.prompt}
                </h2>
                <ol className="yswd__items">
                  {inLane.map((note) => (
                    <li key={note.id} className="yswd__item">
                      <h3 className="yswd__said">
                        <span className="yswd__label">You said: </span>“{note.text.trim() || '(empty note)'}”
                      </h3>
                      <p className="yswd__status">
                        <StatusChip status={trace.statuses.get(note.id) ?? 'said'} />
                      </p>
                      <CameOf note={note} replies={store.repliesOf(note.id)} later={traceNote(trace.notes, note.id).later} />
                    </li>
                  ))}
                </ol>
              </section>
            );
          })}
        </>
      )}
    </main>
  );
}

/** "Lay participants said 12 things. 5 have had an answer or more; 7: not yet." */
function summaryLine(said: number, cameOf: number): string {
  const things = said === 1 ? '1 thing' : `${said} things`;
  const rest = said - cameOf;
  const came = cameOf === 1 ? '1 has had an answer or more' : `${cameOf} have had an answer or more`;
  return `Lay participants said ${things}. ${came}${rest > 0 ? `; ${rest}: not yet` : ''}.`;
}

/** What a later note is, said plainly: a decision, an action, a measure. */
const LATER_KIND: Readonly<Record<LaneId, string>> = {
  define: 'Said',
  design: 'Idea',
  decide: 'Decision',
  deliver: 'Action',
  distribute: 'Action',
  evaluate: 'Measure',
};

function CameOf({ note, replies, later }: { note: Note; replies: readonly Reply[]; later: readonly Note[] }) {
  const answers = replies.filter((reply) => reply.authorRole === 'practitioner');
  if (answers.length === 0 && later.length === 0) return <p className="yswd__not-yet">We did: not yet.</p>;
  return (
    <div className="yswd__did">
      <p className="yswd__label">We did:</p>
      <ul>
        {answers.map((reply) => (
          <li key={reply.id}>
            {noteAuthor(reply)} replied: “{reply.text}”
          </li>
        ))}
        {later.map((next) => (
          <li key={next.id}>
            {LATER_KIND[next.lane]} in {laneById(next.lane).title}: “{next.text.trim() || '(empty note)'}”
          </li>
        ))}
      </ul>
      <p className="visually-hidden">End of what came of “{note.text.trim()}”.</p>
    </div>
  );
}
