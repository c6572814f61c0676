import { useRef } from 'react';
import type { Peer } from '../presence/presenceState.ts';
import type { Follow } from './useFollow.ts';

/**
 * Whom you follow, and "Stop following": a slim line over the board while following. The live
 * region stays in the page so screen readers hear both the start and the stop.
 */
export function FollowStatus({ follow, peers }: { follow: Follow; peers: Peer[] }) {
  const followed = peers.find((peer) => peer.clientId === follow.following);
  const everFollowed = useRef(false);
  if (follow.following !== null) everFollowed.current = true;
  const status =
    follow.following !== null
      ? `Following ${followed?.name ?? 'someone'}. Press Escape to stop.`
      : everFollowed.current
        ? 'Stopped following.'
        : '';
  return (
    <div className={follow.following !== null ? 'follow-controls' : 'follow-controls follow-controls--idle'}>
      <span aria-live="polite" className="follow-controls__status">
        {status}
      </span>
      {follow.following !== null && (
        <button type="button" onClick={() => follow.follow(null)}>
          Stop following
        </button>
      )}
    </div>
  );
}

/** Choose someone whose view of the board to follow (in the people panel, beside their names). */
export function FollowChooser({ follow, peers }: { follow: Follow; peers: Peer[] }) {
  return (
    <label className="follow-chooser">
      Follow{' '}
      <select
        value={follow.following === null ? '' : String(follow.following)}
        disabled={peers.length === 0}
        onChange={(event) => follow.follow(event.target.value ? Number(event.target.value) : null)}
      >
        <option value="">someone…</option>
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
  return (
    <button type="button" onClick={follow.bringEveryone}>
      Bring everyone to me
    </button>
  );
}
