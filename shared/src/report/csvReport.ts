import { BALANCE_METRICS, type BalanceArea } from '../analysis/balance.ts';
import { laneTitle, roleWord } from '../i18n/boardWords.ts';
import { ENGLISH, type Translator } from '../i18n/translator.ts';
import { type CsvValue, csvRow } from './csvCell.ts';

type CsvColumn =
  | 'lane'
  | 'note'
  | 'writtenBy'
  | 'role'
  | 'anonymous'
  | 'vote'
  | 'question'
  | 'scope'
  | 'status'
  | 'dotsPerPerson'
  | 'layVoters'
  | 'practitionerVoters'
  | 'layDots'
  | 'practitionerDots'
  | 'totalDots'
  | 'layVotersFor'
  | 'layShare'
  | 'practitionerVotersFor'
  | 'practitionerShare'
  | 'differencePoints'
  | 'callout'
  | 'area'
  | 'kind'
  | 'message'
  | 'layShareOfParticipants';

import { formatDate, type MeetingReport, noteAuthorLabel, voteScopeLabel } from './meetingReport.ts';

/**
 * The meeting report as CSV: one file with titled sections (notes, vote results,
 * perspectives, participation balance, prompts) separated by an empty line, each with its
 * own header row, in `t`'s language. Spreadsheets open it as one sheet. Shares are whole percentages.
 */
export function renderCsvReport(report: MeetingReport, t: Translator = ENGLISH): string {
  const rows: CsvValue[][] = [];
  const section = (title: string, header: CsvValue[]) => {
    if (rows.length > 0) rows.push([]);
    rows.push([title], header);
  };
  const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));
  const noteText = (noteId: string) => report.notesById.get(noteId)?.text ?? '';
  const noteLane = (noteId: string) => {
    const note = report.notesById.get(noteId);
    return note ? laneTitle(t, note.lane) : '';
  };

  rows.push(
    [t.t('report.title.csv'), report.title],
    [t.t('report.date'), formatDate(report.generatedAt, t)],
    [t.t('report.boardCreated'), formatDate(report.boardCreatedAt, t)],
  );

  const col = (id: CsvColumn) => t.t(`report.col.${id}`);
  section(t.t('report.col.notes'), [col('lane'), col('note'), col('writtenBy'), col('role'), col('anonymous')]);
  for (const { lane, notes } of report.lanes) {
    for (const note of notes) {
      rows.push([
        laneTitle(t, lane.id),
        note.text,
        noteAuthorLabel(note, t),
        roleWord(t, note.authorRole, 'label'),
        t.t(note.anonymous ? 'report.yes' : 'report.no'),
      ]);
    }
  }

  section(t.t('report.votes'), [
    col('vote'),
    col('question'),
    col('scope'),
    col('status'),
    col('dotsPerPerson'),
    col('layVoters'),
    col('practitionerVoters'),
  ]);
  for (const { vote, number, tally } of report.votes) {
    rows.push([
      number,
      vote.title,
      voteScopeLabel(vote, t),
      t.t('report.status', { status: vote.status }),
      vote.dotsPerPerson,
      tally.votersByRole.lay,
      tally.votersByRole.practitioner,
    ]);
  }

  section(t.t('report.votesByRole'), [
    col('vote'),
    col('note'),
    col('lane'),
    col('layDots'),
    col('practitionerDots'),
    col('totalDots'),
  ]);
  for (const { number, tally } of report.votes) {
    for (const note of tally.notes) {
      rows.push([number, noteText(note.noteId), noteLane(note.noteId), note.dots.lay, note.dots.practitioner, note.totalDots]);
    }
  }

  section(t.t('report.perspectives'), [
    col('vote'),
    col('note'),
    col('layVotersFor'),
    col('layVoters'),
    col('layShare'),
    col('practitionerVotersFor'),
    col('practitionerVoters'),
    col('practitionerShare'),
    col('differencePoints'),
    col('callout'),
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
  const metricWord = (metric: string) => t.t('report.metric', { metric });
  section(t.t('report.balance'), [
    col('area'),
    ...BALANCE_METRICS.flatMap((metric) => [
      t.t('report.col.layMetric', { metric: metricWord(metric) }),
      t.t('report.col.practitionerMetric', { metric: metricWord(metric) }),
      t.t('report.col.layShareOf', { metric: metricWord(metric) }),
    ]),
    col('layShareOfParticipants'),
  ]);
  const areaTitle = (area: BalanceArea) => (area === 'board' ? t.t('report.wholeBoard') : laneTitle(t, area));
  for (const area of [...balance.lanes, balance.overall]) {
    rows.push([
      areaTitle(area.area),
      ...BALANCE_METRICS.flatMap((metric) => [
        area[metric].counts.lay,
        area[metric].counts.practitioner,
        percent(area[metric].shares.lay),
      ]),
      percent(balance.participants.shares.lay),
    ]);
  }

  section(t.t('report.prompts'), [col('area'), col('kind'), col('message')]);
  for (const prompt of balance.prompts) {
    rows.push([areaTitle(prompt.area), metricWord(prompt.metric), prompt.message]);
  }

  return rows.map(csvRow).join('');
}
