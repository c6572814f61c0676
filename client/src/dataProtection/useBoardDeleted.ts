import { CloseCode } from '@costudio/shared';
import { useEffect, useState } from 'react';
import type { BoardSession } from '../session/BoardSession.ts';
import { forgetBoardOnDevice } from './forgetBoardOnDevice.ts';

/**
 * True once the relay has said the board was deleted (close code 4411). Then it stops
 * reconnecting and clears the board from this device: local copy, link, remembered name, visit
 * marks. Edits made offline are not kept: the board is gone for everyone.
 */
export function useBoardDeleted(session: BoardSession | null): boolean {
  const [deleted, setDeleted] = useState(false);
  useEffect(() => {
    if (!session) return;
    const { provider, pending, local, boardId } = session;
    const onClose = (event: CloseEvent | null) => {
      if (event?.code !== CloseCode.BOARD_DELETED) return;
      provider.disconnect();
      pending.destroy();
      setDeleted(true);
      // The local copy's database must be closed before it can be deleted.
      void local.destroy().then(() => forgetBoardOnDevice(boardId));
    };
    provider.on('connection-close', onClose);
    return () => provider.off('connection-close', onClose);
  }, [session]);
  return deleted;
}
