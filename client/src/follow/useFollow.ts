import { SUMMON_KEY } from '@costudio/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { CameraController } from '../canvas/CameraController.ts';
import { FACILITATES_FIELD, publishView, readView, showView } from './viewPresence.ts';

export interface Follow {
  /** Awareness client id followed, or null. */
  readonly following: number | null;
  follow(clientId: number | null): void;
  /** Facilitator: everyone else starts following this person. */
  bringEveryone(): void;
}

/**
 * Follow another person's view: their camera (shared in awareness) drives this one until
 * Escape, the Stop button, or they leave. A facilitator's "bring everyone to me" writes a
 * summon to the facilitation room; every other screen then follows them.
 */
export function useFollow(
  awareness: Awareness,
  camera: CameraController | null,
  facilitation: Y.Map<unknown> | null,
  facilitates: boolean,
): Follow {
  const [following, setFollowing] = useState<number | null>(null);

  useEffect(() => {
    if (facilitates) awareness.setLocalStateField(FACILITATES_FIELD, true);
  }, [awareness, facilitates]);

  useEffect(() => (camera ? publishView(awareness, camera) : undefined), [awareness, camera]);

  useEffect(() => {
    if (following === null || !camera) return;
    const apply = () => {
      const state = awareness.getStates().get(following);
      if (!state) {
        setFollowing(null);
        return;
      }
      const view = readView(state);
      if (view) showView(camera, view);
    };
    awareness.on('change', apply);
    apply();
    return () => awareness.off('change', apply);
  }, [awareness, camera, following]);

  useEffect(() => {
    if (following === null) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setFollowing(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [following]);

  // Only summons made while this page is open move it: a late joiner is not pulled along.
  const lastSummon = useRef<number | null>(null);
  useEffect(() => {
    if (!facilitation) return;
    const read = () => facilitation.get(SUMMON_KEY) as { clientId?: unknown; at?: unknown } | undefined;
    lastSummon.current = typeof read()?.at === 'number' ? (read()?.at as number) : 0;
    const onChange = () => {
      const summon = read();
      if (!summon || typeof summon.at !== 'number' || typeof summon.clientId !== 'number') return;
      if (summon.at === lastSummon.current) return;
      lastSummon.current = summon.at;
      if (summon.clientId !== awareness.clientID) setFollowing(summon.clientId);
    };
    facilitation.observe(onChange);
    return () => facilitation.unobserve(onChange);
  }, [facilitation, awareness]);

  const bringEveryone = useCallback(() => {
    facilitation?.set(SUMMON_KEY, { clientId: awareness.clientID, at: Date.now() });
  }, [facilitation, awareness]);

  return { following, follow: setFollowing, bringEveryone };
}
