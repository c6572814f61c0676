import { useRef } from 'react';
import { useT } from '../i18n/useT.ts';
import type { Peer } from '../presence/presenceState.ts';
import type { Follow } from './useFollow.ts';

/**
 * Whom you follow, and "Stop following": a slim line over the board while following. The live
 * region stays in the page so screen readers hear both the start and the stop.
 */
export function FollowStatus({ follow, peers }: { follow: Follow; peers: Peer[] }) {
  const t = useT();
  const followed = peers.find((peer) => peer.clientId === follow.following);
  const everFollowed = useRef(false);
  if (follow.following !== null) everFollowed.current = true;
  const status =
    follow.following !== null
      ? t.t('follow.following', { name: followed?.name ?? t.t('follow.someoneName') })
      : everFollowed.current
        ? t.t('follow.stopped')
        : '';
  return (
    <div className={follow.following !== null ? 'follow-controls' : 'follow-controls follow-controls--idle'}>
      <span aria-live="polite" className="follow-controls__status">
        {status}
      </span>
      {follow.following !== null && (
        <button type="button" onClick={() => follow.follow(null)}>
          {t.t('follow.stop')}
        </button>
      )}
    </div>
  );
}

/** Choose someone whose view of the board to follow (in the people panel, beside their names). */
export function FollowChooser({ follow, peers }: { follow: Follow; peers: Peer[] }) {
  const t = useT();
  return (
    <label className="follow-chooser">
      {t.t('follow.follow')}{' '}
      <select
        value={follow.following === null ? '' : String(follow.following)}
        disabled={peers.length === 0}
        onChange={(event) => follow.follow(event.target.value ? Number(event.target.value) : null)}
      >
        <option value="">{t.t('follow.someone')}</option>
        {peers.map((peer) => (
          <option key={peer.clientId} value={peer.clientId}>
            {peer.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The facilitator's "Bring everyone to me": every board follows their view until Escape. */
export function BringEveryoneButton({ follow }: { follow: Follow }) {
  const t = useT();
  return (
    <button type="button" onClick={follow.bringEveryone}>
      {t.t('follow.bringEveryone')}
    </button>
  );
}
