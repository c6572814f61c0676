import {
  buildYouSaidWeDid,
  ENGLISH,
  formatDate,
  lanePrompt,
  laneTitle,
  type ReportEntry,
  roleWord,
  type YouSaidItem,
  youSaidWeDidHtml,
  youSaidWeDidMarkdown,
} from '@costudio/shared';
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useBoardMeta } from '../doc/useBoardMeta.ts';
import { useNotes } from '../doc/useNotes.ts';
import { downloadText } from '../report/downloadText.ts';
import { reportFileName } from '../report/reportFileName.ts';
import { boardPath } from '../router/route.ts';
import type { BoardSession } from '../session/BoardSession.ts';
import { StatusChip } from '../trace/StatusChip.tsx';
import { useTrace, useTraceStore } from '../trace/useTraceStore.ts';
import { youSaidWeDidHref } from '../trace/youSaidWeDidLink.ts';
import './youSaidWeDid.css';

/**
 * `/b/<id>?view=you-said-we-did[&date=YYYY-MM-DD]`: what lay participants said and what came
 * of each, honestly "Not yet" where nothing has, for the whole board or one meeting date (issue
 * 16). The page shows the shared report (buildYouSaidWeDid), so it says what the downloads say;
 * print CSS leaves the controls out, to print for a board or send to participants.
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
  const trace = useTrace(useTraceStore(doc, session.notes));
  const [date, setDate] = useState(() => new URLSearchParams(location.search).get('date') ?? '');
  const [names, setNames] = useState(true);
  const dateId = useId();

  useEffect(() => {
    document.title = `You said, we did – ${meta.title} – Costudio`;
  }, [meta.title]);

  const notes = useMemo(() => [...snapshot.byId.values()], [snapshot]);
  const dates = useMemo(
    () =>
      [...new Set(notes.filter((note) => note.authorRole === 'lay').map((note) => formatDate(note.createdAt)))]
        .filter((day) => day !== 'unknown')
        .sort(),
    [notes],
  );
  const report = useMemo(
    () => buildYouSaidWeDid({ notes, replies: trace.replies, boardTitle: meta.title, names, ...(date ? { date } : {}) }),
    [notes, trace.replies, meta.title, names, date],
  );

  const chooseDate = (next: string) => {
    setDate(next);
    history.replaceState(null, '', youSaidWeDidHref(next || undefined));
  };

  const download = (format: 'md' | 'html') => {
    const fileName = reportFileName(`${meta.title} you said we did`, Date.now(), format);
    if (format === 'md') downloadText(fileName, youSaidWeDidMarkdown(report), 'text/markdown');
    else downloadText(fileName, youSaidWeDidHtml(report), 'text/html');
  };

  return (
    <main className="yswd">
      <p className="yswd__back">
        <a href={`${boardPath(boardId)}${location.hash}`}>Back to the board</a>
      </p>
      <h1>You said, we did</h1>
      <p className="yswd__about">
        {meta.title} · {report.date === null ? 'All meetings' : `Meeting of ${report.date}`} · made on {formatDate(Date.now())}
      </p>
      <div className="yswd__tools">
        <span className="yswd__tool">
          <label htmlFor={dateId}>Meeting</label>
          <select id={dateId} value={date} onChange={(event) => chooseDate(event.target.value)}>
            <option value="">All meetings</option>
            {dates.map((day) => (
              <option key={day} value={day}>
                {day}
              </option>
            ))}
          </select>
        </span>
        <label className="yswd__tool">
          <input type="checkbox" checked={!names} onChange={(event) => setNames(!event.target.checked)} />
          Leave names out (roles only)
        </label>
        <button type="button" onClick={() => print()}>
          Print
        </button>
        <button type="button" onClick={() => download('html')}>
          Download (web page)
        </button>
        <button type="button" onClick={() => download('md')}>
          Download (Markdown)
        </button>
      </div>
      {!synced && notes.length === 0 ? (
        <p role="status">Loading the board…</p>
      ) : report.total === 0 ? (
        <p>No lay participant has written a note {report.date === null ? 'on this board' : 'on that date'} yet.</p>
      ) : (
        <>
          <p className="yswd__summary">{summaryLine(report.total, report.reached)}</p>
          {report.lanes.map(({ lane, items }) => (
            <section key={lane.id} className="yswd__lane" aria-labelledby={`yswd-${lane.id}`}>
              <h2 id={`yswd-${lane.id}`}>
                In {laneTitle(ENGLISH, lane.id)}: {lanePrompt(ENGLISH, lane.id)}
              </h2>
              <ol className="yswd__items">
                {items.map((item) => (
                  <Item key={item.said.id} item={item} />
                ))}
              </ol>
            </section>
          ))}
        </>
      )}
    </main>
  );
}

/** "Lay participants said 12 things. 5 reached a decision or further; 7: not yet." */
function summaryLine(said: number, reached: number): string {
  const things = said === 1 ? '1 thing' : `${said} things`;
  const rest = said - reached;
  return `Lay participants said ${things}. ${reached} reached a decision or further${rest > 0 ? `; ${rest}: not yet` : ''}.`;
}

/** "Pat (Practitioner)", or the role alone ("A lay participant") for someone not named. */
function by(entry: ReportEntry): string {
  return entry.named ? `${entry.by} (${roleWord(ENGLISH, entry.role, 'label')})` : entry.by;
}

/** One thing said, and what came of it: replies, then decisions, actions and measures, or "not yet". */
function Item({ item }: { item: YouSaidItem }) {
  const groups = [
    ['Replies', item.replies],
    ['We decided', item.decisions],
    ['We are doing', item.actions],
    ['We are measuring', item.measures],
  ] as const;
  return (
    <li className="yswd__item">
      <h3 className="yswd__said">
        <span className="yswd__label">You said: </span>“{item.said.text.trim() || '(empty note)'}”
      </h3>
      <p className="yswd__status">
        <StatusChip status={item.status} /> <span className="yswd__by">{by(item.said)}</span>
      </p>
      {groups.map(([title, entries]) =>
        entries.length === 0 ? null : (
          <div key={title} className="yswd__did">
            <p className="yswd__label">{title}:</p>
            <ul>
              {entries.map((entry) => (
                <li key={entry.id}>
                  “{entry.text.trim() || '(empty note)'}” — {by(entry)}
                </li>
              ))}
            </ul>
          </div>
        ),
      )}
      {item.notYet && (
        <p className="yswd__not-yet">We did: not yet. Nothing has been decided about this so far; it stays on the board.</p>
      )}
    </li>
  );
}
