import { computeNoteStatuses, type NoteStatus, noteTracer } from '../analysis/noteStatus.ts';
import { laneTitle, roleWord } from '../i18n/boardWords.ts';
import { statusLabel } from '../i18n/traceWords.ts';
import { ENGLISH, type Translator } from '../i18n/translator.ts';
import { LANES, type Lane } from '../schema/lanes.ts';
import type { Note } from '../schema/note.ts';
import { LANE_STAGE } from '../schema/noteLinks.ts';
import { groupRepliesByNote, type Reply } from '../schema/reply.ts';
import type { Role } from '../schema/roles.ts';
import { escapeHtml } from './htmlEscape.ts';
import { escapeMarkdown } from './markdownEscape.ts';
import { formatDate } from './meetingReport.ts';

/** A note or reply as the report shows it: text and who, never more. */
export interface ReportEntry {
  readonly id: string;
  readonly text: string;
  /** The author's name, or only their role ("A lay participant") when anonymous or names are left out. */
  readonly by: string;
  /** False when `by` is only the role (anonymous, or names left out). */
  readonly named: boolean;
  readonly role: Role;
}

/** One thing a lay participant said, with what came of it. */
export interface YouSaidItem {
  readonly said: ReportEntry;
  readonly status: NoteStatus;
  readonly replies: readonly ReportEntry[];
  readonly decisions: readonly ReportEntry[];
  readonly actions: readonly ReportEntry[];
  readonly measures: readonly ReportEntry[];
  /** True when nothing has been decided, done or measured about it yet. */
  readonly notYet: boolean;
}

export interface YouSaidWeDid {
  readonly boardTitle: string;
  /** YYYY-MM-DD when the report covers notes written that day; null for the whole board. */
  readonly date: string | null;
  /** Lanes that hold lay notes (in the range), in board order. */
  readonly lanes: readonly { readonly lane: Lane; readonly items: readonly YouSaidItem[] }[];
  /** Lay notes in the report, and how many reached a decision or further. */
  readonly total: number;
  readonly reached: number;
}

export interface YouSaidWeDidInput {
  readonly notes: readonly Note[];
  readonly replies: readonly Reply[];
  readonly boardTitle: string;
  /** YYYY-MM-DD (UTC): only lay notes written that day. What came of them counts whenever it came. */
  readonly date?: string;
  /** False to show every person by role only, e.g. for a report sent outside the group. Default true. */
  readonly names?: boolean;
}

export const REPORT_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Collects the 'You said, we did' report: every lay participant's note (of the day, when a
 * date is given), in lane and reading order, with its replies and the decisions, actions and
 * measures that trace back to it — or, honestly, 'not yet'. Anonymous notes and replies show
 * only the role, in `t`'s words. Erased notes are simply not in `notes`.
 */
export function buildYouSaidWeDid(input: YouSaidWeDidInput, t: Translator = ENGLISH): YouSaidWeDid {
  const date = input.date !== undefined && REPORT_DATE_PATTERN.test(input.date) ? input.date : null;
  const names = input.names !== false;
  const statuses = computeNoteStatuses(input.notes, input.replies);
  const threads = groupRepliesByNote(input.replies);
  const trace = noteTracer(input.notes);
  const entry = (source: Note | Reply): ReportEntry => {
    const named = names && !source.anonymous && source.author !== '';
    return {
      id: source.id,
      text: source.text,
      by: named ? source.author : roleWord(t, source.authorRole, 'anonymousName'),
      named,
      role: source.authorRole,
    };
  };
  const said = input.notes
    .filter((note) => note.authorRole === 'lay' && (date === null || formatDate(note.createdAt) === date))
    .sort((a, b) => a.y - b.y || a.x - b.x || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  let reached = 0;
  const lanes = LANES.map((lane) => {
    const items = said
      .filter((note) => note.lane === lane.id)
      .map((note): YouSaidItem => {
        const later = trace(note.id).later;
        const ofStage = (stage: string) => later.filter((other) => LANE_STAGE[other.lane] === stage).map(entry);
        const decisions = ofStage('decided');
        const actions = ofStage('being-done');
        const measures = ofStage('measured');
        const status = statuses.get(note.id) ?? 'said';
        if (status === 'decided' || status === 'being-done' || status === 'measured') reached++;
        return {
          said: entry(note),
          status,
          replies: (threads.get(note.id) ?? []).map(entry),
          decisions,
          actions,
          measures,
          notYet: decisions.length + actions.length + measures.length === 0,
        };
      });
    return { lane, items };
  }).filter((group) => group.items.length > 0);
  return { boardTitle: input.boardTitle, date, lanes, total: said.length, reached };
}

/** The report as GitHub Flavored Markdown in `t`'s language; every piece of board text is escaped. */
export function youSaidWeDidMarkdown(report: YouSaidWeDid, t: Translator = ENGLISH): string {
  const out: string[] = [`# ${escapeMarkdown(t.t('yswd.report.title', { board: report.boardTitle }))}`, ''];
  out.push(rangeLine(report, t), '', `${t.t('yswd.report.intro')} ${reachLine(report, t)}`, '');
  if (report.lanes.length === 0) out.push(t.t('yswd.report.nothingSaid'), '');
  const line = (item: ReportEntry) => `${escapeMarkdown(item.text)} — ${escapeMarkdown(byLine(item, t))}`;
  for (const { lane, items } of report.lanes) {
    out.push(`## ${laneTitle(t, lane.id)}`, '');
    for (const item of items) {
      out.push(`> ${line(item.said)}`, '', `${t.t('yswd.report.status')}: **${statusLabel(t, item.status)}**`, '');
      for (const [heading, entries] of outcomeLists(item, t)) {
        if (entries.length === 0) continue;
        out.push(`${heading}:`, '', ...entries.map((entry) => `- ${line(entry)}`), '');
      }
      if (item.notYet) out.push(`_${t.t('yswd.report.notYet')}_`, '');
      out.push('---', '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * The report as a complete, printable HTML page: one heading per lane and per thing said,
 * lists for what came of it, print styles, and every piece of board text escaped; in `t`'s
 * language, which the page declares (lang, dir) for screen readers and translation tools.
 */
export function youSaidWeDidHtml(report: YouSaidWeDid, t: Translator = ENGLISH): string {
  const title = escapeHtml(t.t('yswd.report.title', { board: report.boardTitle }));
  const who = (entry: ReportEntry) => escapeHtml(byLine(entry, t));
  const body: string[] = [
    `<h1>${title}</h1>`,
    `<p class="range">${escapeHtml(rangeLine(report, t))}</p>`,
    `<p>${escapeHtml(t.t('yswd.report.intro'))} <strong>${escapeHtml(reachLine(report, t))}</strong></p>`,
  ];
  if (report.lanes.length === 0) body.push(`<p>${escapeHtml(t.t('yswd.report.nothingSaid'))}</p>`);
  for (const { lane, items } of report.lanes) {
    body.push(
      `<section aria-labelledby="lane-${lane.id}">`,
      `<h2 id="lane-${lane.id}">${escapeHtml(laneTitle(t, lane.id))}</h2>`,
    );
    for (const item of items) {
      body.push(
        '<article>',
        `<blockquote><p>${escapeHtml(item.said.text)}</p></blockquote>`,
        `<p class="by">${who(item.said)}</p>`,
        `<p class="status status-${item.status}">${escapeHtml(t.t('yswd.report.status'))}: <strong>${escapeHtml(statusLabel(t, item.status))}</strong></p>`,
      );
      for (const [heading, entries] of outcomeLists(item, t)) {
        if (entries.length === 0) continue;
        body.push(`<h3>${escapeHtml(heading)}</h3>`, '<ul>');
        for (const entry of entries) body.push(`<li>${escapeHtml(entry.text)} <span class="by">— ${who(entry)}</span></li>`);
        body.push('</ul>');
      }
      if (item.notYet) body.push(`<p class="not-yet">${escapeHtml(t.t('yswd.report.notYet'))}</p>`);
      body.push('</article>');
    }
    body.push('</section>');
  }
  return [
    '<!doctype html>',
    `<html lang="${t.locale}" dir="${t.dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const STYLE = [
  'body{font:1rem/1.5 system-ui,sans-serif;color:#111;background:#fff;margin:2rem auto;max-width:45rem;padding:0 1rem}',
  'blockquote{margin:0;padding:.5rem 1rem;border-left:.3rem solid #555;font-size:1.1rem}',
  'article{border-bottom:1px solid #888;padding:1rem 0;break-inside:avoid}',
  '.by{color:#333}',
  '.not-yet{font-style:italic}',
  'h3{font-size:1rem;margin:.75rem 0 .25rem}',
  '@media print{body{margin:0;max-width:none}a{color:inherit}}',
].join('');

function outcomeLists(item: YouSaidItem, t: Translator): [string, readonly ReportEntry[]][] {
  return [
    [t.t('yswd.report.replies'), item.replies],
    [t.t('yswd.report.decisions'), item.decisions],
    [t.t('yswd.report.actions'), item.actions],
    [t.t('yswd.report.measures'), item.measures],
  ];
}

function rangeLine(report: YouSaidWeDid, t: Translator): string {
  return report.date ? t.t('yswd.report.forDate', { date: report.date }) : t.t('yswd.report.wholeBoard');
}

function reachLine(report: YouSaidWeDid, t: Translator): string {
  return t.t('yswd.report.reach', { reached: report.reached, total: report.total });
}

/** A named person with their role; someone shown by role alone is just "A lay participant". */
function byLine(entry: ReportEntry, t: Translator): string {
  return entry.named ? t.t('yswd.report.by', { who: entry.by, role: roleWord(t, entry.role, 'label') }) : entry.by;
}
