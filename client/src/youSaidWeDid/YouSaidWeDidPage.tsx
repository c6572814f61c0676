import {
  buildYouSaidWeDid,
  formatDate,
  lanePrompt,
  laneTitle,
  type ReportEntry,
  roleWord,
  type Translator,
  type YouSaidItem,
  youSaidWeDidHtml,
  youSaidWeDidMarkdown,
} from '@costudio/shared';
import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useBoardMeta } from '../doc/useBoardMeta.ts';
import { useNotes } from '../doc/useNotes.ts';
import { useT } from '../i18n/useT.ts';
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
 * print CSS leaves the controls out, to print for a board or send to participants. Its words,
 * and the downloads', are in the reader's language and follow a switch; board text never changes.
 */
export function YouSaidWeDidPage({ session }: { session: BoardSession }) {
  const { doc, provider, boardId } = session;
  const t = useT();
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
    document.title = t.t('yswd.page.docTitle', { board: meta.title });
  }, [meta.title, t]);

  const notes = useMemo(() => [...snapshot.byId.values()], [snapshot]);
  const dates = useMemo(
    () =>
      [...new Set(notes.filter((note) => note.authorRole === 'lay').map((note) => formatDate(note.createdAt)))]
        .filter((day) => day !== 'unknown')
        .sort(),
    [notes],
  );
  const report = useMemo(
    () => buildYouSaidWeDid({ notes, replies: trace.replies, boardTitle: meta.title, names, ...(date ? { date } : {}) }, t),
    [notes, trace.replies, meta.title, names, date, t],
  );

  const chooseDate = (next: string) => {
    setDate(next);
    history.replaceState(null, '', youSaidWeDidHref(next || undefined));
  };

  const download = (format: 'md' | 'html') => {
    const fileName = reportFileName(`${meta.title} you said we did`, Date.now(), format);
    if (format === 'md') downloadText(fileName, youSaidWeDidMarkdown(report, t), 'text/markdown');
    else downloadText(fileName, youSaidWeDidHtml(report, t), 'text/html');
  };

  return (
    <main className="yswd">
      <p className="yswd__back">
        <a href={`${boardPath(boardId)}${location.hash}`}>{t.t('yswd.page.back')}</a>
      </p>
      <h1>{t.t('yswd.page.title')}</h1>
      <p className="yswd__about">
        {meta.title} · {report.date === null ? t.t('yswd.page.allMeetings') : t.t('yswd.page.meetingOf', { date: report.date })} ·{' '}
        {t.t('yswd.page.madeOn', { date: formatDate(Date.now(), t) })}
      </p>
      <div className="yswd__tools">
        <span className="yswd__tool">
          <label htmlFor={dateId}>{t.t('yswd.page.meeting')}</label>
          <select id={dateId} value={date} onChange={(event) => chooseDate(event.target.value)}>
            <option value="">{t.t('yswd.page.allMeetings')}</option>
            {dates.map((day) => (
              <option key={day} value={day}>
                {day}
              </option>
            ))}
          </select>
        </span>
        <label className="yswd__tool">
          <input type="checkbox" checked={!names} onChange={(event) => setNames(!event.target.checked)} />
          {t.t('yswd.page.noNames')}
        </label>
        <button type="button" onClick={() => print()}>
          {t.t('yswd.page.print')}
        </button>
        <button type="button" onClick={() => download('html')}>
          {t.t('yswd.page.downloadHtml')}
        </button>
        <button type="button" onClick={() => download('md')}>
          {t.t('yswd.page.downloadMarkdown')}
        </button>
      </div>
      {!synced && notes.length === 0 ? (
        <p role="status">{t.t('yswd.page.loading')}</p>
      ) : report.total === 0 ? (
        <p>{report.date === null ? t.t('yswd.page.nothingOnBoard') : t.t('yswd.page.nothingOnDate')}</p>
      ) : (
        <>
          <p className="yswd__summary">{summaryLine(t, report.total, report.reached)}</p>
          {report.lanes.map(({ lane, items }) => (
            <section key={lane.id} className="yswd__lane" aria-labelledby={`yswd-${lane.id}`}>
              <h2 id={`yswd-${lane.id}`}>
                {t.t('yswd.page.laneHeading', { lane: laneTitle(t, lane.id), prompt: lanePrompt(t, lane.id) })}
              </h2>
              <ol className="yswd__items">
                {items.map((item) => (
                  <Item key={item.said.id} item={item} t={t} />
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
function summaryLine(t: Translator, said: number, reached: number): string {
  const rest = said - reached;
  return rest > 0 ? t.t('yswd.page.summaryNotYet', { said, reached, rest }) : t.t('yswd.page.summary', { said, reached });
}

/** "Pat (Practitioner)", or the role alone ("A lay participant") for someone not named. */
function by(entry: ReportEntry, t: Translator): string {
  return entry.named ? t.t('yswd.report.by', { who: entry.by, role: roleWord(t, entry.role, 'label') }) : entry.by;
}

/** One thing said, and what came of it: replies, then decisions, actions and measures, or "not yet". */
function Item({ item, t }: { item: YouSaidItem; t: Translator }) {
  const groups = [
    [t.t('yswd.report.replies'), item.replies],
    [t.t('yswd.report.decisions'), item.decisions],
    [t.t('yswd.report.actions'), item.actions],
    [t.t('yswd.report.measures'), item.measures],
  ] as const;
  const empty = t.t('note.empty');
  return (
    <li className="yswd__item">
      <h3 className="yswd__said">
        <span className="yswd__label">{`${t.t('yswd.page.youSaid')} `}</span>“{item.said.text.trim() || empty}”
      </h3>
      <p className="yswd__status">
        <StatusChip status={item.status} /> <span className="yswd__by">{by(item.said, t)}</span>
      </p>
      {groups.map(([title, entries]) =>
        entries.length === 0 ? null : (
          <div key={title} className="yswd__did">
            <p className="yswd__label">{title}:</p>
            <ul>
              {entries.map((entry) => (
                <li key={entry.id}>
                  “{entry.text.trim() || empty}” — {by(entry, t)}
                </li>
              ))}
            </ul>
          </div>
        ),
      )}
      {item.notYet && <p className="yswd__not-yet">{t.t('yswd.page.notYet')}</p>}
    </li>
  );
}
