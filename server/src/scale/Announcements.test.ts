import { describe, expect, it } from 'vitest';
import { type Announcement, decodeAnnouncement, encodeAnnouncement } from './Announcements.ts';

describe('announcements on the wire', () => {
  it.each<Announcement>([
    { kind: 'link-revoked', linkId: 'L1' },
    { kind: 'board-deleted', roomId: 'b1__facilitation' },
    { kind: 'facilitation-changed', boardId: 'b1' },
  ])('carry $kind with its sender', (announcement) => {
    expect(decodeAnnouncement(encodeAnnouncement('instance-1', announcement))).toEqual({ sender: 'instance-1', announcement });
  });

  it.each([
    ['not JSON', '{'],
    ['a newer version', JSON.stringify({ v: 2, sender: 's', kind: 'link-revoked', linkId: 'L1' })],
    ['an unknown kind', JSON.stringify({ v: 1, sender: 's', kind: 'board-renamed', boardId: 'b1' })],
    ['a missing id', JSON.stringify({ v: 1, sender: 's', kind: 'link-revoked' })],
    ['a local-only kind', JSON.stringify({ v: 1, sender: 's', kind: 'lost' })],
    ['no sender', JSON.stringify({ v: 1, kind: 'board-deleted', roomId: 'b1' })],
    ['null', 'null'],
  ])('ignore %s', (_what, data) => {
    expect(decodeAnnouncement(data)).toBeNull();
  });
});
