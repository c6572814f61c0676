import { useSyncExternalStore } from 'react';
import type { PendingChanges, PendingSummary } from './PendingChanges.ts';

/** The notes (and other changes) on this device the relay has not yet confirmed; re-renders on change. */
export function usePendingChanges(pending: PendingChanges): PendingSummary {
  return useSyncExternalStore(pending.subscribe, pending.getSnapshot);
}
