import { LANES, type LaneId } from '@costudio/shared';
import type * as Y from 'yjs';
import { setBoardLocked } from './boardLock.ts';
import { setLaneLocked } from './laneLocks.ts';

/** The facilitator's switch: lock the board against participants' changes, or unlock it. */
export function LockButton({ map, locked }: { map: Y.Map<unknown>; locked: boolean }) {
  return (
    <button type="button" aria-pressed={locked} onClick={() => setBoardLocked(map, !locked)}>
      {locked ? 'Unlock board' : 'Lock board'}
    </button>
  );
}

/** The facilitator's lane locks, one checkbox per lane. */
export function LaneLockControls({ map, locked }: { map: Y.Map<unknown>; locked: ReadonlySet<LaneId> }) {
  return (
    <fieldset className="lane-locks">
      <legend>Lock lanes</legend>
      {LANES.map((lane) => (
        <label key={lane.id}>
          <input
            type="checkbox"
            checked={locked.has(lane.id)}
            onChange={(event) => setLaneLocked(map, lane.id, event.target.checked)}
          />{' '}
          {lane.title}
        </label>
      ))}
    </fieldset>
  );
}

/** Why some notes cannot be moved: the lanes the facilitator locked. */
export function LockedLanesNotice({ locked }: { locked: ReadonlySet<LaneId> }) {
  const titles = LANES.filter((lane) => locked.has(lane.id)).map((lane) => lane.title);
  if (titles.length === 0) return null;
  const list = titles.length === 1 ? titles[0] : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
  return (
    <p className="locked-notice" role="note">
      The facilitator has locked {list}: notes there cannot be moved or changed, and notes cannot be moved into{' '}
      {titles.length === 1 ? 'it' : 'them'}.
    </p>
  );
}
