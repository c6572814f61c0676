import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { boardToken } from '../device/boardTokens.ts';
import { syncServerUrl } from '../sync/syncUrl.ts';

/** A side room of a board (private notes), opened with the board's link. */
export interface RoomDoc {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  destroy(): void;
}

export function openRoomDoc(boardId: string, roomId: string): RoomDoc {
  const doc = new Y.Doc();
  const token = boardToken(boardId);
  // No BroadcastChannel: another tab of this browser may belong to a different person's link.
  const provider = new WebsocketProvider(syncServerUrl(location), roomId, doc, {
    params: token ? { token } : {},
    disableBc: true,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the room has synced with the relay. */
export function whenSynced(room: RoomDoc): Promise<void> {
  if (room.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      room.provider.off('sync', onSync);
      resolve();
    };
    room.provider.on('sync', onSync);
  });
}
