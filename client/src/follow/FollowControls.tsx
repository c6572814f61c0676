import { useRef } from 'react';
import type { Peer } from '../presence/presenceState.ts';
import type { Follow } from './useFollow.ts';

/** Choose someone to follow, see whom you follow, stop; the facilitator brings everyone along. */
export function FollowControls({ follow, peers, facilitates }: { follow: Follow; peers: Peer[]; facilitates: boolean }) {
  const followed = peers.find((peer) => peer.clientId === follow.following);
  // The status region stays in the page so screen readers hear both the start and the stop.
  const everFollowed = useRef(false);
  if (follow.following !== null) everFollowed.current = true;
  const status =
    follow.following !== null
      ? `Following ${followed?.name ?? 'someone'}. Press Escape to stop.`
      : everFollowed.current
        ? 'Stopped following.'
        : '';
  return (
    <div className="follow-controls">
      <span aria-live="polite" className="follow-controls__status">
        {status}
      </span>
      {follow.following !== null ? (
        <button type="button" onClick={() => follow.follow(null)}>
          Stop following
        </button>
      ) : (
        // Always shown, even alone on the board, so the toolbar below never jumps.
        <label>
          Follow{' '}
          <select
            value=""
            disabled={peers.length === 0}
            onChange={(event) => event.target.value && follow.follow(Number(event.target.value))}
          >
            <option value="">someone…</option>
            {peers.map((peer) => (
              <option key={peer.clientId} value={peer.clientId}>
                {peer.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {facilitates && (
        <button type="button" onClick={follow.bringEveryone}>
          Bring everyone to me
        </button>
      )}
    </div>
  );
}
