import { facilitationRoomId, privateRoomId } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { parseRoomId } from './facilitationRoom.ts';

describe('parseRoomId', () => {
  it('reads back the room names the client makes from the shared schema', () => {
    expect(parseRoomId('board-1')).toEqual({ boardId: 'board-1', kind: 'board' });
    expect(parseRoomId(facilitationRoomId('board-1'))).toEqual({ boardId: 'board-1', kind: 'facilitation' });
    expect(parseRoomId(privateRoomId('board-1', 'abcdefghijklmnopqrstuvwx'))).toEqual({ boardId: 'board-1', kind: 'private' });
    // A secret too short to be unguessable is not a private room.
    expect(parseRoomId(privateRoomId('board-1', 'short'))).toEqual({ boardId: 'board-1__private__short', kind: 'board' });
  });
});
