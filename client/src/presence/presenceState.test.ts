import { describe, expect, it } from 'vitest';
import { readPresence } from './presenceState.ts';

describe('readPresence', () => {
  it('accepts a well-formed state', () => {
    expect(readPresence({ name: 'Ann', role: 'lay', color: '#123456', cursor: { x: 1, y: 2 }, focusedNoteId: 'n1' })).toEqual({
      name: 'Ann',
      role: 'lay',
      color: '#123456',
      cursor: { x: 1, y: 2 },
      focusedNoteId: 'n1',
    });
  });

  it('repairs bad fields and rejects states without a name or role', () => {
    expect(readPresence({ name: 'B', role: 'practitioner', color: 'red;x', cursor: { x: 'a' } })).toMatchObject({
      color: '#444444',
      cursor: null,
      focusedNoteId: null,
    });
    expect(readPresence({ role: 'lay' })).toBeNull();
    expect(readPresence({ name: 'x', role: 'admin' })).toBeNull();
    expect(readPresence(null)).toBeNull();
  });
});
