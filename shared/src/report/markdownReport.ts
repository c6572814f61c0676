import type { AreaBalance, BalanceArea } from '../analysis/balance.ts';
import type { RoleShares } from '../analysis/shares.ts';
import { formatPercent, formatPoints } from '../analysis/shares.ts';
import { laneById } from '../schema/lanes.ts';
import { ROLE_INFO } from '../schema/roles.ts';
import { escapeMarkdown, markdownCell } from './markdownEscape.ts';
import { formatDate, type MeetingReport, noteAuthorLabel, type ReportVote, voteScopeLabel } from './meetingReport.ts';

/**
 * The meeting report as GitHub Flavored Markdown, ready to paste into the write-up that goes
 * back to participants. Every piece of text that came from the board is escaped.
 */
export function renderMarkdownReport(report: MeetingReport): string {
  const out: string[] = [];
  out.push(`# Meeting report: ${escapeMarkdown(report.title)}`, '');
  out.push(`Report date: ${formatDate(report.generatedAt)} · Board created: ${formatDate(report.boardCreatedAt)}`, '');

  out.push('## Lanes', '');
  for (const { lane, notes } of report.lanes) {
    out.push(`### ${lane.title}`, '', `_${lane.prompt}_`, '');
    if (notes.length === 0) {
      out.push('No notes.', '');
      continue;
    }
    out.push('| Note | Written by | Role |', '| --- | --- | --- |');
    for (const note of notes) {
      out.push(row([noteCell(note.text), markdownCell(noteAuthorLabel(note)), ROLE_INFO[note.authorRole].label]));
    }
    out.push('');
  }

  out.push('## Votes', '');
  if (report.votes.length === 0) out.push('No votes were held.', '');
  for (const entry of report.votes) out.push(...voteSection(report, entry));

  out.push(...balanceSection(report));
  return `${out.join('\n').trimEnd()}\n`;
}

function voteSection(report: MeetingReport, entry: ReportVote): string[] {
  const { vote, tally, perspectives } = entry;
  const out: string[] = [];
  const heading = vote.title ? `: ${escapeMarkdown(vote.title)}` : '';
  out.push(`### Vote ${entry.number}${heading}`, '');
  out.push(
    `${voteScopeLabel(vote)} · ${vote.dotsPerPerson} ${vote.dotsPerPerson === 1 ? 'dot' : 'dots'} per person · ` +
      `${vote.status === 'open' ? 'still open' : 'closed'} · ` +
      `${count(tally.votersByRole.lay, 'lay participant')} and ${count(tally.votersByRole.practitioner, 'practitioner')} voted`,
    '',
  );
  if (tally.notes.length === 0) {
    out.push('No dots were placed.', '');
    return out;
  }
  const noteText = (noteId: string) => noteCell(report.notesById.get(noteId)?.text ?? '');
  const laneTitle = (noteId: string) => {
    const note = report.notesById.get(noteId);
    return note ? laneById(note.lane).title : '';
  };

  out.push(
    '#### Votes by role',
    '',
    '| Note | Lane | Lay dots | Practitioner dots | Total |',
    '| --- | --- | ---: | ---: | ---: |',
  );
  for (const note of tally.notes) {
    out.push(
      row([noteText(note.noteId), laneTitle(note.noteId), `${note.dots.lay}`, `${note.dots.practitioner}`, `${note.totalDots}`]),
    );
  }
  out.push('');

  out.push(
    '#### Perspectives',
    '',
    'Share of each group’s voters who gave the note at least one dot, largest differences first.',
    '',
    '| Note | Lay participants | Practitioners | Difference |',
    '| --- | ---: | ---: | ---: |',
  );
  for (const line of perspectives.rows) {
    out.push(
      row([
        noteText(line.noteId),
        `${formatPercent(line.shares.lay)} (${line.voters.lay} of ${perspectives.votersByRole.lay})`,
        `${formatPercent(line.shares.practitioner)} (${line.voters.practitioner} of ${perspectives.votersByRole.practitioner})`,
        formatPoints(line.difference),
      ]),
    );
  }
  out.push('');
  for (const notice of perspectives.notices) out.push(notice, '');
  for (const callout of perspectives.callouts) {
    const text = escapeMarkdown(report.notesById.get(callout.noteId)?.text ?? '') || '(empty note)';
    out.push(`- “${text}”: ${callout.message} (${callout.detail}).`);
  }
  if (perspectives.callouts.length > 0) out.push('');
  return out;
}

function balanceSection(report: MeetingReport): string[] {
  const { balance } = report;
  const { participants } = balance;
  const out: string[] = ['## Participation balance', ''];
  out.push(
    `Participants: ${count(participants.counts.lay, 'lay participant')} (${formatPercent(participants.shares.lay)}) and ` +
      `${count(participants.counts.practitioner, 'practitioner')} (${formatPercent(participants.shares.practitioner)}).`,
    '',
    'Each cell: what lay participants contributed, of the total, and their share.',
    '',
    '| Lane | Notes | Edits | Votes |',
    '| --- | ---: | ---: | ---: |',
  );
  for (const area of [...balance.lanes, balance.overall]) {
    out.push(row([areaTitle(area.area), ...(['notes', 'edits', 'votes'] as const).map((metric) => layCell(area, metric))]));
  }
  out.push('');
  if (balance.prompts.length === 0) out.push('No lane fell well below the lay participants’ share.', '');
  else {
    for (const prompt of balance.prompts) out.push(`- ${prompt.message}`);
    out.push('');
  }
  return out;
}

function layCell(area: AreaBalance, metric: 'notes' | 'edits' | 'votes'): string {
  const shares: RoleShares = area[metric];
  if (shares.total === 0) return '—';
  return `${shares.counts.lay} of ${shares.total} (${formatPercent(shares.shares.lay)})`;
}

function areaTitle(area: BalanceArea): string {
  return area === 'board' ? '**Whole board**' : laneById(area).title;
}

function noteCell(text: string): string {
  return markdownCell(text) || '_(empty note)_';
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
