import { BALANCE_METRICS } from '../analysis/balance.ts';
import { laneById } from '../schema/lanes.ts';
import { ROLE_INFO } from '../schema/roles.ts';
import { type CsvValue, csvRow } from './csvCell.ts';
import { formatDate, type MeetingReport, noteAuthorLabel, voteScopeLabel } from './meetingReport.ts';

/**
 * The meeting report as CSV: one file with titled sections (notes, vote results,
 * perspectives, participation balance, prompts) separated by an empty line, each with its
 * own header row. Spreadsheets open it as one sheet. Shares are whole percentages.
 */
export function renderCsvReport(report: MeetingReport): string {
  const rows: CsvValue[][] = [];
  const section = (title: string, header: CsvValue[]) => {
    if (rows.length > 0) rows.push([]);
    rows.push([title], header);
  };
  const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));
  const noteText = (noteId: string) => report.notesById.get(noteId)?.text ?? '';
  const noteLane = (noteId: string) => {
    const note = report.notesById.get(noteId);
    return note ? laneById(note.lane).title : '';
  };

  rows.push(
    ['Meeting report', report.title],
    ['Report date', formatDate(report.generatedAt)],
    ['Board created', formatDate(report.boardCreatedAt)],
  );

  section('Notes', ['Lane', 'Note', 'Written by', 'Role', 'Anonymous']);
  for (const { lane, notes } of report.lanes) {
    for (const note of notes) {
      rows.push([lane.title, note.text, noteAuthorLabel(note), ROLE_INFO[note.authorRole].label, note.anonymous ? 'yes' : 'no']);
    }
  }

  section('Votes', ['Vote', 'Question', 'Scope', 'Status', 'Dots per person', 'Lay voters', 'Practitioner voters']);
  for (const { vote, number, tally } of report.votes) {
    rows.push([
      number,
      vote.title,
      voteScopeLabel(vote),
      vote.status,
      vote.dotsPerPerson,
      tally.votersByRole.lay,
      tally.votersByRole.practitioner,
    ]);
  }

  section('Votes by role', ['Vote', 'Note', 'Lane', 'Lay dots', 'Practitioner dots', 'Total dots']);
  for (const { number, tally } of report.votes) {
    for (const note of tally.notes) {
      rows.push([number, noteText(note.noteId), noteLane(note.noteId), note.dots.lay, note.dots.practitioner, note.totalDots]);
    }
  }

  section('Perspectives', [
    'Vote',
    'Note',
    'Lay voters for it',
    'Lay voters',
    'Lay share %',
    'Practitioner voters for it',
    'Practitioner voters',
    'Practitioner share %',
    'Difference (points)',
    'Call-out',
  ]);
  for (const { number, perspectives } of report.votes) {
    for (const line of perspectives.rows) {
      const callout = perspectives.callouts.find((c) => c.noteId === line.noteId);
      rows.push([
        number,
        noteText(line.noteId),
        line.voters.lay,
        perspectives.votersByRole.lay,
        percent(line.shares.lay),
        line.voters.practitioner,
        perspectives.votersByRole.practitioner,
        percent(line.shares.practitioner),
        line.difference === null ? null : Math.round(line.difference * 100),
        callout?.message ?? '',
      ]);
    }
  }

  const { balance } = report;
  section('Participation balance', [
    'Area',
    ...BALANCE_METRICS.flatMap((metric) => [`Lay ${metric}`, `Practitioner ${metric}`, `Lay share of ${metric} %`]),
    'Lay share of participants %',
  ]);
  for (const area of [...balance.lanes, balance.overall]) {
    rows.push([
      area.area === 'board' ? 'Whole board' : laneById(area.area).title,
      ...BALANCE_METRICS.flatMap((metric) => [
        area[metric].counts.lay,
        area[metric].counts.practitioner,
        percent(area[metric].shares.lay),
      ]),
      percent(balance.participants.shares.lay),
    ]);
  }

  section('Prompts', ['Area', 'Kind', 'Message']);
  for (const prompt of balance.prompts) {
    rows.push([prompt.area === 'board' ? 'Whole board' : laneById(prompt.area).title, prompt.metric, prompt.message]);
  }

  return rows.map(csvRow).join('');
}
