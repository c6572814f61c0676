import type { Access, LaneId } from '@costudio/shared';
import { LockedLanesNotice } from '../lock/LockControls.tsx';

/**
 * What a participant needs to know about locked lanes. A view-only link and a locked board make
 * the whole board read-only, and notices/ReadOnlyNotice.tsx says so, once.
 */
export function FacilitationNotices({
  access,
  locked,
  lockedLanes,
}: {
  access: Access;
  locked: boolean;
  lockedLanes: ReadonlySet<LaneId>;
}) {
  if (access !== 'edit' || locked || lockedLanes.size === 0) return null;
  return (
    <div className="board-notices">
      <LockedLanesNotice locked={lockedLanes} />
    </div>
  );
}
