import { ENGLISH, translator } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { writeRefusal } from './replyRefusal.ts';

const open = { readOnly: false, laneLocked: false, privateWriting: false };

describe('writeRefusal', () => {
  it.each([
    ['anyone who may edit', open, 'reply', null],
    ['a view-only link', { ...open, readOnly: true }, 'reply', 'You can read replies here, but not write them.'],
    ['a locked lane', { ...open, laneLocked: true }, 'link', 'The facilitator has locked Define for now.'],
    [
      'private writing',
      { ...open, privateWriting: true },
      'reply',
      'Private writing is on. You can reply and link again once the notes are revealed.',
    ],
    ['linking an own anonymous note', { ...open, ownAnonymous: true }, 'link', expect.stringContaining('anonymously')],
    ['replying to an own anonymous note', { ...open, ownAnonymous: true }, 'reply', null],
  ] as const)('%s', (_name, state, what, expected) => {
    expect(writeRefusal(state, what, 'Define', ENGLISH)).toEqual(expected);
  });
});

it('explains a refusal in the reader’s language', () => {
  expect(writeRefusal({ ...open, laneLocked: true }, 'reply', 'Diffinio', translator('cy'))).toBe(
    'Mae’r hwylusydd wedi cloi colofn Diffinio am y tro.',
  );
});
