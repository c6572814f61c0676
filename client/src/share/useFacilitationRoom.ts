import { FACILITATION_MAP, facilitationRoomId } from '@costudio/shared';
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { boardToken } from '../device/boardTokens.ts';
import { syncServerUrl } from '../sync/syncUrl.ts';

/**
 * The board's facilitation room: lock, timer and "bring everyone to me". Everyone reads it;
 * the relay lets only facilitator links write to it, so a participant's client cannot start
 * the timer or unlock the board. `version` changes on every change, for re-rendering.
 */
export interface FacilitationRoom {
  readonly map: Y.Map<unknown>;
  readonly version: number;
  readonly synced: boolean;
}

/**
 * Connects together with the board (`board`, the board's own provider): a big board waits to
 * connect until its first view is on the screen (firstView/), and the room's updates would
 * otherwise re-render the page while that first picture is being drawn.
 */
export function useFacilitationRoom(boardId: string, board: WebsocketProvider): FacilitationRoom | null {
  const [room, setRoom] = useState<FacilitationRoom | null>(null);
  useEffect(() => {
    const doc = new Y.Doc();
    const token = boardToken(boardId);
    const provider = new WebsocketProvider(syncServerUrl(location), facilitationRoomId(boardId), doc, {
      params: token ? { token } : {},
      connect: false,
    });
    const connectWithBoard = () => {
      if (!board.shouldConnect) return;
      board.off('status', connectWithBoard);
      provider.connect();
    };
    board.on('status', connectWithBoard);
    connectWithBoard();
    const map = doc.getMap<unknown>(FACILITATION_MAP);
    let version = 0;
    const publish = () => setRoom({ map, version: ++version, synced: provider.synced });
    map.observe(publish);
    provider.on('sync', publish);
    publish();
    return () => {
      board.off('status', connectWithBoard);
      provider.destroy();
      doc.destroy();
      setRoom(null);
    };
  }, [boardId, board]);
  return room;
}
