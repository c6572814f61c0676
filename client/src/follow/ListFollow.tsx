import { useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { NotesStore } from '../doc/NotesStore.ts';
import { useT } from '../i18n/useT.ts';
import type { Peer } from '../presence/presenceState.ts';
import { listFollowTarget } from './listFollowTarget.ts';
import type { Follow } from './useFollow.ts';
import { FACILITATES_FIELD, readView } from './viewPresence.ts';

/** The list's element for a target: the note's item, or the lane's section. */
function targetElement(target: NonNullable<ReturnType<typeof listFollowTarget>>): HTMLElement | null {
  // Ids set by laneList/NoteItem.tsx (lane-note-text-<id>) and LaneSection.tsx (lane-heading-<lane>).
  if (target.kind === 'note') return document.getElementById(`lane-note-text-${target.id}`)?.closest('li') ?? null;
  return document.getElementById(`lane-heading-${target.lane}`)?.closest('section') ?? null;
}

/**
 * Follow and "bring everyone to me" in the lane list (issue 12, item 7): the list has no camera,
 * so it scrolls to the note (or lane) at the centre of the followed person's canvas view, each
 * time that changes. Focus stays where the person left it.
 */
export function useListFollow(awareness: Awareness, follow: Follow, notes: NotesStore): void {
  const { following, follow: setFollowing } = follow;
  useEffect(() => {
    if (following === null) return;
    let last = '';
    const apply = () => {
      const state = awareness.getStates().get(following);
      if (!state) {
        setFollowing(null);
        return;
      }
      const view = readView(state);
      const target = view ? listFollowTarget(view, notes.getSnapshot().byId.values()) : null;
      const key = target ? `${target.kind}:${target.kind === 'note' ? target.id : target.lane}` : '';
      if (!target || key === last) return;
      const element = targetElement(target);
      if (!element) return;
      last = key;
      const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
      element.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
    };
    awareness.on('change', apply);
    apply();
    return () => awareness.off('change', apply);
  }, [awareness, following, setFollowing, notes]);
}

/** The facilitator's awareness client id, if one is here (not this page). */
function useFacilitatorClientId(awareness: Awareness): number | null {
  const [clientId, setClientId] = useState<number | null>(null);
  useEffect(() => {
    const read = () => {
      let found: number | null = null;
      for (const [id, state] of awareness.getStates()) {
        if (id !== awareness.clientID && (state as Record<string, unknown>)[FACILITATES_FIELD] === true) found = id;
      }
      setClientId(found);
    };
    awareness.on('change', read);
    read();
    return () => awareness.off('change', read);
  }, [awareness]);
  return clientId;
}

/** The list view's follow controls: follow the facilitator, see whom you follow, stop. */
export function ListFollow({
  awareness,
  follow,
  peers,
  notes,
}: {
  awareness: Awareness;
  follow: Follow;
  peers: Peer[];
  notes: NotesStore;
}) {
  const t = useT();
  useListFollow(awareness, follow, notes);
  const facilitator = useFacilitatorClientId(awareness);
  const followed = peers.find((peer) => peer.clientId === follow.following);
  const everFollowed = useRef(false);
  if (follow.following !== null) everFollowed.current = true;
  const status =
    follow.following !== null
      ? t.t('follow.followingList', { name: followed?.name ?? t.t('follow.someoneName') })
      : everFollowed.current
        ? t.t('follow.stopped')
        : '';
  return (
    <div className="follow-controls">
      <span aria-live="polite" className="follow-controls__status">
        {status}
      </span>
      {follow.following !== null ? (
        <button type="button" onClick={() => follow.follow(null)}>
          {t.t('follow.stop')}
        </button>
      ) : (
        facilitator !== null && (
          <button type="button" onClick={() => follow.follow(facilitator)}>
            {t.t('follow.facilitator')}
          </button>
        )
      )}
    </div>
  );
}
