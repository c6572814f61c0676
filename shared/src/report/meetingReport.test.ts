import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrateBoard } from '../migrations/migrations.ts';
import { recordNoteEdit } from '../ops/activityOps.ts';
import { createNote } from '../ops/noteOps.ts';
import { joinBoard } from '../ops/participantOps.ts';
import { closeVote, openVote, placeDot } from '../ops/voteOps.ts';
import type { Role } from '../schema/roles.ts';
import { renderCsvReport } from './csvReport.ts';
import { renderMarkdownReport } from './markdownReport.ts';
import { collectMeetingReport } from './meetingReport.ts';

const HOSTILE = '=HYPERLINK("http://evil")\n| injected | row |\n# <script>alert(1)</script> *bold*';
const SECRET_NAME = 'Alice Secretname';
const NOW = Date.UTC(2026, 4, 12, 15, 0);

/** Three lay participants and two practitioners vote on three Decide notes. */
function meeting() {
  const doc = new Y.Doc();
  migrateBoard(doc, { title: 'Clinic *hours* | review', now: Date.UTC(2026, 4, 1) });
  const people: [string, Role][] = [
    ['l1', 'lay'],
    ['l2', 'lay'],
    ['l3', 'lay'],
    ['p1', 'practitioner'],
    ['p2', 'practitioner'],
  ];
  for (const [participantId, role] of people) joinBoard(doc, { participantId, role, now: 1 });
  const keep = createNote(doc, {
    lane: 'decide',
    author: 'Sam',
    authorRole: 'lay',
    text: 'Keep evening hours',
    id: 'keep',
    x: 0,
    y: 100,
  });
  const hostile = createNote(doc, {
    lane: 'decide',
    author: 'Dr =Jones',
    authorRole: 'practitioner',
    text: HOSTILE,
    id: 'hostile',
    x: 0,
    y: 300,
  });
  const anon = createNote(doc, {
    lane: 'decide',
    author: SECRET_NAME,
    authorRole: 'lay',
    anonymous: true,
    text: 'Parking costs too much',
    id: 'anon',
    x: 0,
    y: 500,
  });
  for (let i = 0; i < 6; i++) createNote(doc, { lane: 'design', author: 'Pat', authorRole: 'practitioner', text: `idea ${i}` });
  recordNoteEdit(doc, keep, 'practitioner');
  const voteId = openVote(doc, { scope: 'decide', dotsPerPerson: 2, title: 'What first?', now: 10 });
  const ballots: Record<string, string[]> = {
    l1: [keep, anon],
    l2: [keep],
    l3: [keep, keep],
    p1: [hostile, anon],
    p2: [hostile],
  };
  for (const [participantId, notes] of Object.entries(ballots)) {
    const role: Role = participantId.startsWith('l') ? 'lay' : 'practitioner';
    for (const noteId of notes) expect(placeDot(doc, { voteId, participantId, role, noteId }).ok).toBe(true);
  }
  closeVote(doc, voteId, 20);
  return doc;
}

describe('meeting report', () => {
  const doc = meeting();
  const report = collectMeetingReport(doc, { now: NOW });
  const markdown = renderMarkdownReport(report);
  const csv = renderCsvReport(report);

  it('collects the board: lanes in order, notes in reading order, one vote with its tally', () => {
    expect(report.lanes.map((entry) => entry.lane.id)).toEqual([
      'define',
      'design',
      'deliver',
      'decide',
      'distribute',
      'evaluate',
    ]);
    expect(report.lanes[3]?.notes.map((note) => note.id)).toEqual(['keep', 'hostile', 'anon']);
    expect(report.votes[0]?.tally.byNote.get('keep')?.dots).toEqual({ lay: 4, practitioner: 0 });
    expect(report.votes[0]?.perspectives.rows.map((row) => row.noteId)).toEqual(['keep', 'hostile', 'anon']);
  });

  it('Markdown: title, date, notes with author or role, votes by role, perspectives, balance', () => {
    expect(markdown).toContain('# Meeting report: Clinic \\*hours\\* \\| review');
    expect(markdown).toContain('Report date: 2026-05-12 · Board created: 2026-05-01');
    expect(markdown).toContain('| Keep evening hours | Sam | Lay participant |');
    expect(markdown).toContain('| Parking costs too much | A lay participant | Lay participant |');
    expect(markdown).toContain('### Vote 1: What first?');
    expect(markdown).toContain('Decide lane · 2 dots per person · closed · 3 lay participants and 2 practitioners voted');
    expect(markdown).toContain('| Keep evening hours | Decide | 4 | 0 | 4 |');
    expect(markdown).toContain('| Keep evening hours | 100% (3 of 3) | 0% (0 of 2) | +100 points |');
    expect(markdown).toContain('| Parking costs too much | 33% (1 of 3) | 50% (1 of 2) | −17 points |');
    expect(markdown).toContain(
      '- “Keep evening hours”: Lay participants rank this far higher than practitioners (100% of lay participants, 0% of practitioners).',
    );
    expect(markdown).toContain('Participants: 3 lay participants (60%) and 2 practitioners (40%).');
    expect(markdown).toContain('| Design | 0 of 6 (0%) | — | — |');
    expect(markdown).toContain('- Lay participants wrote 0 of 6 notes in Design — invite them in?');
  });

  it('Markdown: hostile note text stays inside its table cell and renders as text', () => {
    const line = markdown.split('\n').find((l) => l.includes('HYPERLINK') && l.includes('Dr'));
    expect(line).toBe(
      '| \\=HYPERLINK("http\\://evil")<br>\\| injected \\| row \\|<br>\\# &lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* | Dr =Jones | Practitioner |',
    );
    expect(markdown).not.toContain('<script>');
    // Every table row has exactly as many unescaped pipes as its header.
    for (const row of markdown.split('\n').filter((l) => l.startsWith('| '))) {
      expect(row.match(/(?<!\\)\|/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
      expect(row.match(/(?<!\\)\|/g)?.length ?? 0).toBeLessThanOrEqual(6);
    }
  });

  it('Markdown rendered as GitHub does: no link, image or HTML comes from what participants wrote', () => {
    const withContacts = meeting();
    createNote(withContacts, {
      lane: 'define',
      author: 'jo@example.org',
      authorRole: 'lay',
      text: 'Ring me: jo.bloggs@example.nhs.uk, mailto:jo@example.org, https://evil.example, www.evil.example',
      id: 'contacts',
      x: 0,
      y: 0,
    });
    const html = micromark(renderMarkdownReport(collectMeetingReport(withContacts, { now: NOW })), {
      extensions: [gfm()],
      htmlExtensions: [gfmHtml()],
    });
    expect(html).toContain('jo.bloggs@example.nhs.uk');
    expect(html).toContain('https://evil.example');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; *bold*');
    expect(html).not.toMatch(/<a |<img|<script/);
  });

  it('CSV: parses back to the board’s cells, with formulas neutralised', () => {
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['Meeting report', 'Clinic *hours* | review']);
    expect(rows).toContainEqual(['Decide', 'Keep evening hours', 'Sam', 'Lay participant', 'no']);
    expect(rows).toContainEqual(['Decide', 'Parking costs too much', 'A lay participant', 'Lay participant', 'yes']);
    expect(rows).toContainEqual(['Decide', `'${HOSTILE}`, 'Dr =Jones', 'Practitioner', 'no']);
    expect(rows).toContainEqual(['1', 'What first?', 'Decide lane', 'closed', '2', '3', '2']);
    expect(rows).toContainEqual(['1', 'Keep evening hours', 'Decide', '4', '0', '4']);
    expect(rows).toContainEqual([
      '1',
      'Keep evening hours',
      '3',
      '3',
      '100',
      '0',
      '2',
      '0',
      '100',
      'Lay participants rank this far higher than practitioners',
    ]);
    expect(rows).toContainEqual(['1', 'Parking costs too much', '1', '3', '33', '1', '2', '50', '-17', '']);
    expect(rows).toContainEqual(['Design', 'notes', 'Lay participants wrote 0 of 6 notes in Design — invite them in?']);
    expect(rows.find((row) => row[0] === 'Deliver' && row.length > 3)).toEqual([
      'Deliver',
      '0',
      '0',
      '',
      '0',
      '0',
      '',
      '0',
      '0',
      '',
      '60',
    ]);
    // No cell a spreadsheet would evaluate.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^\s*[=+@]|^[\t\r]|^-\D/);
  });

  it('the anonymous author’s name is nowhere: not in the document, not in either report', () => {
    const state = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('utf8');
    expect(state).not.toContain(SECRET_NAME);
    expect(state).toContain('Parking costs too much');
    expect(markdown).not.toContain(SECRET_NAME);
    expect(csv).not.toContain(SECRET_NAME);
  });

  it('an empty board still makes a complete report', () => {
    const empty = collectMeetingReport(new Y.Doc(), { now: NOW });
    const text = renderMarkdownReport(empty);
    expect(text).toContain('# Meeting report: Untitled board');
    expect(text).toContain('Board created: unknown');
    expect(text).toContain('No votes were held.');
    expect(text).toContain('| **Whole board** | — | — | — |');
    expect(parseCsv(renderCsvReport(empty))[0]).toEqual(['Meeting report', 'Untitled board']);
  });
});

/** A strict RFC 4180 reader, so the test checks the quoting rather than trusting it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      continue;
    }
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quote');
        cell += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          cell += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/);
      cell = end < 0 ? text.slice(i) : text.slice(i, i + end);
      i += cell.length;
      if (/["\n\r]/.test(cell)) throw new Error(`bare cell with special characters: ${cell}`);
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (!text.startsWith('\r\n', i)) throw new Error(`expected separator at ${i}`);
  }
  return rows.filter((r) => r.length > 0);
}
