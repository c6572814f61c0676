import type { Access, LaneId } from '@costudio/shared';
import { LockedLanesNotice, LockedNotice } from '../lock/LockControls.tsx';

/** What a participant needs to know about the facilitator's settings: a view-only link, locks. */
export function FacilitationNotices({
  access,
  locked,
  lockedLanes,
}: {
  access: Access;
  locked: boolean;
  lockedLanes: ReadonlySet<LaneId>;
}) {
  if (access === 'facilitate') return null;
  const viewOnly = access === 'view';
  if (!viewOnly && !locked && lockedLanes.size === 0) return null;
  return (
    <div className="board-notices">
      {viewOnly && <p role="status">You are viewing this board. This link does not let you change it.</p>}
      {locked && <LockedNotice />}
      {!locked && <LockedLanesNotice locked={lockedLanes} />}
    </div>
  );
}
