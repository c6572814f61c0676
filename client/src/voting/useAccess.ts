import { useMemo } from 'react';
import { wasCreatedOnThisDevice } from './createdBoards.ts';

/** What this person may do on a board: run votes and see prompts, add and vote, or only look. */
export type Access = 'facilitate' | 'edit' | 'view';

/**
 * This person's access to a board. Until signed share links exist (issue 7), the device that
 * created the board facilitates and everyone else edits. This is a convention of the UI only:
 * nothing on the relay stops another client from opening or closing a vote. Server enforcement
 * comes with issue 7, which replaces this function with the access carried by the link's token.
 */
export function useAccess(boardId: string, readOnly: boolean): Access {
  return useMemo(() => {
    if (readOnly) return 'view';
    return wasCreatedOnThisDevice(boardId) ? 'facilitate' : 'edit';
  }, [boardId, readOnly]);
}
