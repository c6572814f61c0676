import { type Note, translator } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import type { AnnounceLevel } from '../settings/deviceSettings.ts';
import { type Actor, describeNoteChange } from './describeNoteChange.ts';

const note: Note = {
  id: 'n1',
  lane: 'define',
  text: 'Letters',
  x: 0,
  y: 0,
  color: 'yellow',
  author: 'Sam',
  authorRole: 'practitioner',
  anonymous: false,
  createdAt: 0,
  answers: [],
};
const sam = { name: 'Sam', role: 'practitioner' as const };
const unknown = { name: null, role: null };

describe('describeNoteChange', () => {
  it.each([
    ['added, less', undefined, note, sam, 'less', 'A practitioner added a note to Define.'],
    ['added, more', undefined, note, sam, 'more', 'Sam (practitioner) added a note to Define.'],
    ['added by someone unknown: role from the note', undefined, note, unknown, 'less', 'A practitioner added a note to Define.'],
    [
      'added anonymously: never a name',
      undefined,
      { ...note, anonymous: true, author: '', authorRole: 'lay' },
      sam,
      'more',
      'A lay participant added a note to Define.',
    ],
    ['removed', note, undefined, unknown, 'less', 'Someone removed a note from Define.'],
    ['moved', note, { ...note, lane: 'decide' }, sam, 'less', 'A practitioner moved a note from Define to Decide.'],
    ['moved within the lane', note, { ...note, x: 40 }, sam, 'more', null],
    ['recoloured, less', note, { ...note, color: 'green' }, sam, 'less', null],
    ['recoloured, more', note, { ...note, color: 'green' }, sam, 'more', 'Sam (practitioner) made a note in Define green.'],
    ['writing, more', note, { ...note, text: 'Letters!' }, sam, 'more', 'Sam (practitioner) is writing in a note in Define.'],
    ['anything, none', undefined, note, sam, 'none', null],
  ] as const)('%s', (_name, before, after, actor, level, expected) => {
    expect(describeNoteChange(before, after, actor, level)).toBe(expected);
  });
});

describe('describeNoteChange in Welsh', () => {
  const cy = translator('cy');
  const cases: { change: string; before?: Note; after?: Note; actor?: Actor; level?: AnnounceLevel; said: string }[] = [
    { change: 'added', after: note, said: 'Ychwanegodd ymarferydd nodyn at y golofn Diffinio.' },
    { change: 'added, named', after: note, level: 'more', said: 'Ychwanegodd Sam (ymarferydd) nodyn at y golofn Diffinio.' },
    { change: 'removed', before: note, actor: unknown, said: 'Tynnodd rhywun nodyn o’r golofn Diffinio.' },
    {
      change: 'moved',
      before: note,
      after: { ...note, lane: 'decide' },
      said: 'Symudodd ymarferydd nodyn o’r golofn Diffinio i’r golofn Penderfynu.',
    },
    {
      change: 'recoloured',
      before: note,
      after: { ...note, color: 'green' },
      level: 'more',
      said: 'Newidiodd Sam (ymarferydd) liw nodyn yn y golofn Diffinio: gwyrdd nawr.',
    },
  ];
  it.each(cases)('$change', ({ before, after, actor = sam, level = 'less', said }) => {
    expect(describeNoteChange(before, after, actor, level, cy)).toBe(said);
  });
});
