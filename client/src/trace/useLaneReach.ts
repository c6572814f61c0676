import { type LaneId, type LaneReach, laneReach } from '@costudio/shared';
import { useMemo } from 'react';
import type { TraceStore } from './TraceStore.ts';
import { useTrace } from './useTraceStore.ts';

/** Per lane: how many lay notes there are, and how many reached a decision or further. */
export function useLaneReach(store: TraceStore): Readonly<Record<LaneId, LaneReach>> {
  const snapshot = useTrace(store);
  return useMemo(() => laneReach(snapshot.notes, snapshot.statuses), [snapshot]);
}
