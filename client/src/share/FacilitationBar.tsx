import type { Access } from '@costudio/shared';
import { type LaneId, readLockedLanes } from '@costudio/shared';
import { useState } from 'react';
import { LaneLockControls, LockButton, LockedLanesNotice } from '../lock/LockControls.tsx';
import { TimerDisplay } from '../timer/TimerDisplay.tsx';
import { SharePanel } from './SharePanel.tsx';
import './facilitation.css';
import type { FacilitationRoom } from './useFacilitationRoom.ts';

/** Timer and lock notice for everyone; share links, lock and timer controls for the facilitator. */
export function FacilitationBar({
  boardId,
  access,
  token,
  room,
  locked,
  lockedLanes,
}: {
  boardId: string;
  access: Access;
  token: string | null;
  room: FacilitationRoom | null;
  locked: boolean;
  lockedLanes: ReadonlySet<LaneId>;
}) {
  const [shareOpen, setShareOpen] = useState(false);
  const facilitates = access === 'facilitate';
  return (
    <div className="facilitation-bar">
      {room && <TimerDisplay map={room.map} canControl={facilitates} />}
      {facilitates && room && <LockButton map={room.map} locked={locked} />}
      {facilitates && room && <LaneLockControls map={room.map} locked={readLockedLanes(room.map)} />}
      {facilitates && token && (
        <button type="button" aria-expanded={shareOpen} onClick={() => setShareOpen(!shareOpen)}>
          Share
        </button>
      )}
      {!locked && !facilitates && <LockedLanesNotice locked={lockedLanes} />}
      {facilitates && token && shareOpen && <SharePanel boardId={boardId} token={token} />}
    </div>
  );
}
