import { createNote, type LaneId, type Note, type Role, readNotes } from '@costudio/shared';
import { useCallback, useEffect, useState } from 'react';
import { openRoomDoc, type RoomDoc } from './openRoomDoc.ts';
import { ownPrivateRoomId } from './privateRoom.ts';

export interface PrivateNotes {
  readonly notes: readonly Note[];
  add(lane: LaneId, text: string, author: { name: string; role: Role }): void;
}

/** This person's private notes, in their own room, opened only while `enabled`. */
export function usePrivateNotes(boardId: string, enabled: boolean): PrivateNotes {
  const [room, setRoom] = useState<RoomDoc | null>(null);
  const [notes, setNotes] = useState<readonly Note[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const opened = openRoomDoc(boardId, ownPrivateRoomId(boardId));
    const update = () => setNotes(readNotes(opened.doc));
    opened.doc.on('update', update);
    setRoom(opened);
    update();
    return () => {
      opened.destroy();
      setRoom(null);
      setNotes([]);
    };
  }, [boardId, enabled]);
  const add = useCallback(
    (lane: LaneId, text: string, author: { name: string; role: Role }) => {
      if (room) createNote(room.doc, { lane, text, author: author.name, authorRole: author.role });
    },
    [room],
  );
  return { notes, add };
}
