import { useSyncExternalStore } from 'react';
import type { PendingChanges } from './PendingChanges.ts';

/** How many changes on this device the relay has not yet confirmed; re-renders on change. */
export function usePendingChanges(pending: PendingChanges): number {
  return useSyncExternalStore(pending.subscribe, pending.getSnapshot);
}
