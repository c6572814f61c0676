import type { AreaBalance, BalanceArea } from '../analysis/balance.ts';
import type { RoleShares } from '../analysis/shares.ts';
import { formatPercent, formatPoints } from '../analysis/shares.ts';
import { lanePrompt, laneTitle, roleWord } from '../i18n/boardWords.ts';
import { ENGLISH, type Translator } from '../i18n/translator.ts';
import { escapeMarkdown, markdownCell } from './markdownEscape.ts';
import { formatDate, type MeetingReport, noteAuthorLabel, type ReportVote, voteScopeLabel } from './meetingReport.ts';

/**
 * The meeting report as GitHub Flavored Markdown, ready to paste into the write-up that goes
 * back to participants, in `t`'s language. Every piece of text that came from the board is escaped.
 */
export function renderMarkdownReport(report: MeetingReport, t: Translator = ENGLISH): string {
  const out: string[] = [];
  out.push(`# ${t.t('report.title', { title: escapeMarkdown(report.title) })}`, '');
  out.push(t.t('report.dates', { made: formatDate(report.generatedAt, t), created: formatDate(report.boardCreatedAt, t) }), '');

  out.push(`## ${t.t('report.lanes')}`, '');
  for (const { lane, notes } of report.lanes) {
    out.push(`### ${laneTitle(t, lane.id)}`, '', `_${lanePrompt(t, lane.id)}_`, '');
    if (notes.length === 0) {
      out.push(t.t('report.noNotes'), '');
      continue;
    }
    out.push(row([t.t('report.col.note'), t.t('report.col.writtenBy'), t.t('report.col.role')]), '| --- | --- | --- |');
    for (const note of notes) {
      out.push(row([noteCell(note.text, t), markdownCell(noteAuthorLabel(note, t)), roleWord(t, note.authorRole, 'label')]));
    }
    out.push('');
  }

  out.push(`## ${t.t('report.votes')}`, '');
  if (report.votes.length === 0) out.push(t.t('report.noVotes'), '');
  for (const entry of report.votes) out.push(...voteSection(report, entry, t));

  out.push(...balanceSection(report, t));
  return `${out.join('\n').trimEnd()}\n`;
}

function voteSection(report: MeetingReport, entry: ReportVote, t: Translator): string[] {
  const { vote, tally, perspectives } = entry;
  const out: string[] = [];
  const heading = vote.title
    ? t.t('report.voteHeading', { number: entry.number, title: escapeMarkdown(vote.title) })
    : t.t('report.vote', { number: entry.number });
  out.push(`### ${heading}`, '');
  out.push(
    t.t('report.voteLine', {
      scope: voteScopeLabel(vote, t),
      dots: vote.dotsPerPerson,
      status: vote.status,
      lay: tally.votersByRole.lay,
      practitioners: tally.votersByRole.practitioner,
    }),
    '',
  );
  if (tally.notes.length === 0) {
    out.push(t.t('report.noDots'), '');
    return out;
  }
  const noteText = (noteId: string) => noteCell(report.notesById.get(noteId)?.text ?? '', t);
  const noteLane = (noteId: string) => {
    const note = report.notesById.get(noteId);
    return note ? laneTitle(t, note.lane) : '';
  };

  out.push(
    `#### ${t.t('report.votesByRole')}`,
    '',
    row([
      t.t('report.col.note'),
      t.t('report.col.lane'),
      t.t('report.col.layDots'),
      t.t('report.col.practitionerDots'),
      t.t('report.col.total'),
    ]),
    '| --- | --- | ---: | ---: | ---: |',
  );
  for (const note of tally.notes) {
    out.push(
      row([noteText(note.noteId), noteLane(note.noteId), `${note.dots.lay}`, `${note.dots.practitioner}`, `${note.totalDots}`]),
    );
  }
  out.push('');

  out.push(
    `#### ${t.t('report.perspectives')}`,
    '',
    t.t('report.perspectivesIntro'),
    '',
    row([
      t.t('report.col.note'),
      t.t('report.col.layParticipants'),
      t.t('report.col.practitioners'),
      t.t('report.col.difference'),
    ]),
    '| --- | ---: | ---: | ---: |',
  );
  for (const line of perspectives.rows) {
    out.push(
      row([
        noteText(line.noteId),
        t.t('report.shareOf', {
          share: formatPercent(line.shares.lay, t),
          voters: line.voters.lay,
          total: perspectives.votersByRole.lay,
        }),
        t.t('report.shareOf', {
          share: formatPercent(line.shares.practitioner, t),
          voters: line.voters.practitioner,
          total: perspectives.votersByRole.practitioner,
        }),
        formatPoints(line.difference, t),
      ]),
    );
  }
  out.push('');
  for (const notice of perspectives.notices) out.push(notice, '');
  for (const callout of perspectives.callouts) {
    const text = escapeMarkdown(report.notesById.get(callout.noteId)?.text ?? '') || t.t('report.emptyNote');
    out.push(`- “${text}”: ${callout.message} (${callout.detail}).`);
  }
  if (perspectives.callouts.length > 0) out.push('');
  return out;
}

function balanceSection(report: MeetingReport, t: Translator): string[] {
  const { balance } = report;
  const { participants } = balance;
  const out: string[] = [`## ${t.t('report.balance')}`, ''];
  out.push(
    t.t('report.participants', {
      lay: participants.counts.lay,
      layShare: formatPercent(participants.shares.lay, t),
      practitioners: participants.counts.practitioner,
      practitionerShare: formatPercent(participants.shares.practitioner, t),
    }),
    '',
    t.t('report.balanceIntro'),
    '',
    row([t.t('report.col.lane'), t.t('report.col.notes'), t.t('report.col.edits'), t.t('report.col.votes')]),
    '| --- | ---: | ---: | ---: |',
  );
  for (const area of [...balance.lanes, balance.overall]) {
    out.push(row([areaTitle(area.area, t), ...(['notes', 'edits', 'votes'] as const).map((metric) => layCell(area, metric, t))]));
  }
  out.push('');
  if (balance.prompts.length === 0) out.push(t.t('report.noPrompts'), '');
  else {
    for (const prompt of balance.prompts) out.push(`- ${prompt.message}`);
    out.push('');
  }
  return out;
}

function layCell(area: AreaBalance, metric: 'notes' | 'edits' | 'votes', t: Translator): string {
  const shares: RoleShares = area[metric];
  if (shares.total === 0) return '—';
  return t.t('report.layCell', { lay: shares.counts.lay, total: shares.total, share: formatPercent(shares.shares.lay, t) });
}

function areaTitle(area: BalanceArea, t: Translator): string {
  return area === 'board' ? `**${t.t('report.wholeBoard')}**` : laneTitle(t, area);
}

function noteCell(text: string, t: Translator): string {
  return markdownCell(text) || `_${t.t('report.emptyNote')}_`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
