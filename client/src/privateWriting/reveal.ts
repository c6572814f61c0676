import { createNote, deleteNote, type Note, readNotes } from '@costudio/shared';
import type * as Y from 'yjs';
import { fetchJson } from '../i18n/fetchExplained.ts';
import { currentTranslator } from '../i18n/localeChoice.ts';
import { openRoomDoc, whenSynced } from './openRoomDoc.ts';

/** Private notes of one room, as the facilitator reviews them. */
export interface PrivateRoomNotes {
  readonly roomId: string;
  readonly notes: readonly Note[];
}

async function listRooms(boardId: string, token: string): Promise<string[]> {
  const t = currentTranslator();
  const init = { headers: { authorization: `Bearer ${token}` } };
  return (await fetchJson<{ rooms: string[] }>(`/api/boards/${boardId}/private-rooms`, init, t, t.t('private.loadFailed'))).rooms;
}

/** Runs `use` on every private room of the board, each opened, synced, then closed. */
async function eachRoom(boardId: string, token: string, use: (roomId: string, doc: Y.Doc) => void): Promise<void> {
  for (const roomId of await listRooms(boardId, token)) {
    const room = openRoomDoc(boardId, roomId);
    try {
      await whenSynced(room);
      // Changes made here are sent as each transaction ends, before the socket's close frame.
      use(roomId, room.doc);
    } finally {
      room.destroy();
    }
  }
}

/** Facilitator: everyone's private notes, for review before revealing. */
export async function reviewPrivateNotes(boardId: string, token: string): Promise<PrivateRoomNotes[]> {
  const found: PrivateRoomNotes[] = [];
  await eachRoom(boardId, token, (roomId, doc) => {
    const notes = readNotes(doc);
    if (notes.length > 0) found.push({ roomId, notes });
  });
  return found;
}

/**
 * Facilitator: moves every private note onto the board (same lane, text, author and place),
 * then deletes it from its private room. Returns how many were revealed.
 */
export async function revealPrivateNotes(boardId: string, token: string, board: Y.Doc, origin: unknown): Promise<number> {
  let revealed = 0;
  await eachRoom(boardId, token, (_roomId, doc) => {
    for (const note of readNotes(doc)) {
      createNote(
        board,
        {
          lane: note.lane,
          text: note.text,
          author: note.author,
          authorRole: note.authorRole,
          color: note.color,
          x: note.x,
          y: note.y,
          createdAt: note.createdAt,
        },
        origin,
      );
      deleteNote(doc, note.id, origin);
      revealed++;
    }
  });
  return revealed;
}
