import type * as Y from 'yjs';
import { setBoardLocked } from './boardLock.ts';

/** The facilitator's switch: lock the board against participants' changes, or unlock it. */
export function LockButton({ map, locked }: { map: Y.Map<unknown>; locked: boolean }) {
  return (
    <button type="button" aria-pressed={locked} onClick={() => setBoardLocked(map, !locked)}>
      {locked ? 'Unlock board' : 'Lock board'}
    </button>
  );
}

/** What a participant sees while the board is locked: why nothing can be moved or written. */
export function LockedNotice() {
  return (
    <p className="locked-notice" role="status">
      The facilitator has locked the board, so notes cannot be added, moved or changed just now. You can still look around.
    </p>
  );
}
