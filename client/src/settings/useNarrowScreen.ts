import { useSyncExternalStore } from 'react';

/** Below this width (CSS px) the canvas's six lanes cannot be read, so the list is the default. */
export const NARROW_SCREEN_PX = 700;
const QUERY = `(max-width: ${NARROW_SCREEN_PX - 0.02}px)`;

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
