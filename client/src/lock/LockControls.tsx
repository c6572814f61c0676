import { LANES, type LaneId, laneTitle } from '@costudio/shared';
import type * as Y from 'yjs';
import { useT } from '../i18n/useT.ts';
import { setBoardLocked } from './boardLock.ts';
import { setLaneLocked } from './laneLocks.ts';

/** The facilitator's switch: lock the board against participants' changes, or unlock it. */
export function LockButton({ map, locked }: { map: Y.Map<unknown>; locked: boolean }) {
  const t = useT();
  return (
    <button type="button" aria-pressed={locked} onClick={() => setBoardLocked(map, !locked)}>
      {locked ? t.t('lock.unlockBoard') : t.t('lock.lockBoard')}
    </button>
  );
}

/** The facilitator's lane locks, one checkbox per lane. */
export function LaneLockControls({ map, locked }: { map: Y.Map<unknown>; locked: ReadonlySet<LaneId> }) {
  const t = useT();
  return (
    <fieldset className="lane-locks">
      <legend>{t.t('lock.lanes')}</legend>
      {LANES.map((lane) => (
        <label key={lane.id}>
          <input
            type="checkbox"
            checked={locked.has(lane.id)}
            onChange={(event) => setLaneLocked(map, lane.id, event.target.checked)}
          />{' '}
          {laneTitle(t, lane.id)}
        </label>
      ))}
    </fieldset>
  );
}

/** Why some notes cannot be moved: the lanes the facilitator locked. */
export function LockedLanesNotice({ locked }: { locked: ReadonlySet<LaneId> }) {
  const t = useT();
  const titles = LANES.filter((lane) => locked.has(lane.id)).map((lane) => laneTitle(t, lane.id));
  if (titles.length === 0) return null;
  return (
    <p className="locked-notice" role="note">
      {t.t('lock.notice', { lanes: t.list(titles), count: titles.length })}
    </p>
  );
}
