import type { Access } from '@costudio/shared';
import { useMemo } from 'react';
import { boardAccess } from '../device/boardTokens.ts';

/**
 * This person's access to a board: what the share link this device holds allows (issue 7).
 * The relay enforces it; this only decides which controls are shown.
 */
export function useAccess(boardId: string, readOnly: boolean): Access {
  return useMemo(() => {
    if (readOnly) return 'view';
    return boardAccess(boardId);
  }, [boardId, readOnly]);
}
