import { TIMER_KEY } from '@costudio/shared';
import type * as Y from 'yjs';

/**
 * The countdown, stored as one value so a change is atomic: while running, `endsAt` (the
 * facilitator's clock, ms) decides; while paused, `remainingMs`. Late joiners and reloads
 * compute the same time from it.
 */
export interface TimerState {
  readonly durationMs: number;
  readonly endsAt: number | null;
  readonly remainingMs: number;
}

export function readTimer(map: Y.Map<unknown> | undefined): TimerState | null {
  const value = map?.get(TIMER_KEY) as Partial<TimerState> | undefined;
  if (!value || typeof value.durationMs !== 'number' || typeof value.remainingMs !== 'number') return null;
  const endsAt = typeof value.endsAt === 'number' ? value.endsAt : null;
  return { durationMs: value.durationMs, endsAt, remainingMs: value.remainingMs };
}

export function remainingMs(timer: TimerState, now: number): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now);
}

export function startTimer(map: Y.Map<unknown>, timer: TimerState | null, durationMs: number, now: number): void {
  const left = timer && timer.remainingMs > 0 && timer.endsAt === null ? timer.remainingMs : durationMs;
  map.set(TIMER_KEY, { durationMs: timer?.durationMs ?? durationMs, endsAt: now + left, remainingMs: left });
}

export function pauseTimer(map: Y.Map<unknown>, timer: TimerState, now: number): void {
  map.set(TIMER_KEY, { durationMs: timer.durationMs, endsAt: null, remainingMs: remainingMs(timer, now) });
}

export function resetTimer(map: Y.Map<unknown>, durationMs: number): void {
  map.set(TIMER_KEY, { durationMs, endsAt: null, remainingMs: durationMs });
}

/** "4:05" */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
