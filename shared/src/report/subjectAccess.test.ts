import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { translator } from '../i18n/translator.ts';
import { migrateBoard } from '../migrations/migrations.ts';
import { createNote } from '../ops/noteOps.ts';
import { joinBoard } from '../ops/participantOps.ts';
import { addReply } from '../ops/replyOps.ts';
import { openVote, placeDot } from '../ops/voteOps.ts';
import { collectSubjectAccess, renderSubjectAccessMarkdown, type SubjectAccessRecord } from './subjectAccess.ts';

const RECORD: SubjectAccessRecord = {
  boardTitle: 'Clinic *hours*',
  author: 'Alice',
  participantId: 'alicePid',
  notes: [
    { id: 'n1', lane: 'Define', text: 'Parking is impossible', createdAt: '2026-05-01T10:00:00.000Z' },
    { id: 'n2', lane: 'Design', text: 'Evening slots', createdAt: '' },
  ],
  replies: [{ id: 'r1', noteId: 'n9', text: 'Same for me', createdAt: '2026-05-02T10:00:00.000Z' }],
  dots: [
    { voteTitle: 'Priorities', noteId: 'n1', lane: 'Define', placedAt: '2026-05-03T10:00:00.000Z' },
    { voteTitle: '', noteId: 'n7', lane: null, placedAt: '2026-05-04T10:00:00.000Z' },
  ],
  participant: { role: 'lay', joinedAt: '2026-05-01T09:00:00.000Z', lastSeenAt: '2026-05-04T11:00:00.000Z' },
};

/** Words of the English report that must not be left in the Welsh one. */
const ENGLISH_WORDS = [
  'What we hold',
  'Notes and replies',
  'posted under',
  'Anonymous',
  'Your notes',
  'Your replies',
  'Your dots',
  'on note',
  'date unknown',
  'None',
  'Taking part',
  'Role',
  'Joined',
  'last seen',
  'lay',
  'practitioner',
  'No participant record',
  'Vote',
  'Define',
  'Discover',
];

function welshBoard(): Y.Doc {
  const doc = new Y.Doc();
  migrateBoard(doc, { title: 'Clinig y bore', now: Date.UTC(2026, 4, 1) });
  joinBoard(doc, { participantId: 'alicePid', role: 'lay', now: Date.UTC(2026, 4, 1, 9) });
  const said = createNote(doc, { lane: 'define', text: 'Mae parcio’n amhosib', author: 'Alys', authorRole: 'lay' });
  addReply(doc, { noteId: said, text: 'Cytuno', author: 'Alys', authorRole: 'lay', anonymous: false, createdAt: 1 });
  const titled = openVote(doc, { scope: 'board', title: 'Blaenoriaethau' });
  placeDot(doc, { voteId: titled, participantId: 'alicePid', role: 'lay', noteId: said });
  return doc;
}

describe('subject-access report', () => {
  it('is unchanged in English', () => {
    expect(renderSubjectAccessMarkdown(RECORD)).toBe(
      '# What we hold about you on “Clinic \\*hours\\*”\n\nNotes and replies posted under the name **Alice**. Anonymous ones are not linked to anyone, so they are not listed.\n\n## Your notes (2)\n\n- Define, 2026-05-01: Parking is impossible\n- Design, date unknown: Evening slots\n\n## Your replies (1)\n\n- 2026-05-02, on note n9: Same for me\n\n## Your dots (2)\n\n- Priorities: on note n1 (Define), 2026-05-03\n- Vote: on note n7, 2026-05-04\n\n## Taking part\n\nRole: lay. Joined 2026-05-01; last seen 2026-05-04.\n',
    );
    const empty = { ...RECORD, author: null, notes: [], replies: [], dots: [], participant: null, boardTitle: 'B' };
    expect(renderSubjectAccessMarkdown(empty)).toBe(
      '# What we hold about you on “B”\n\n## Your notes (0)\n\nNone.\n\n## Your replies (0)\n\nNone.\n\n## Your dots (0)\n\nNone.\n\n## Taking part\n\nNo participant record.\n',
    );
  });

  it('has no English words in Welsh, lanes and roles included', () => {
    const cy = translator('cy');
    const doc = welshBoard();
    const record = collectSubjectAccess(doc, { author: 'Alys', participantId: 'alicePid' }, cy);
    expect(record.notes.map((note) => note.lane)).toEqual([cy.t('lane.define.title')]);
    const untitledDot = { ...record.dots[0], voteTitle: '', lane: null } as SubjectAccessRecord['dots'][number];
    const reports = [
      renderSubjectAccessMarkdown({ ...record, dots: [...record.dots, untitledDot] }, cy),
      renderSubjectAccessMarkdown({ ...record, notes: [], replies: [], dots: [], participant: null }, cy),
      renderSubjectAccessMarkdown({ ...record, notes: [{ ...record.notes[0], createdAt: '' }] } as SubjectAccessRecord, cy),
    ];
    for (const report of reports) {
      for (const word of ENGLISH_WORDS) expect(report, word).not.toMatch(new RegExp(`\\b${word}\\b`, 'i'));
    }
    expect(reports[0]).toContain('# Yr wybodaeth sydd gennym amdanoch chi ar “Clinig y bore”');
    expect(reports[0]).toContain('Rôl: cyfranogwr lleyg.');
    expect(reports[0]).toContain('- Pleidlais: ar nodyn');
    expect(reports[1]).toContain('Dim cofnod cyfranogwr.');
    expect(reports[2]).toContain('dyddiad anhysbys');
  });

  it('keeps English lane titles in the record by default', () => {
    const record = collectSubjectAccess(welshBoard(), { author: 'Alys' });
    expect(record.notes.map((note) => note.lane)).toEqual(['Define']);
  });
});
