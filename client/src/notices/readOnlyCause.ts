import type { Access } from '@costudio/shared';
import type { LinkRefusalKind } from '../sync/LinkRefusal.ts';

/**
 * Why this page may not change the board. Each has its own words (issue 12, item 1): telling a
 * view-only observer to reload for a newer version, as every read-only page once did, is wrong.
 */
export type ReadOnlyCause = 'too-new' | 'view-only' | 'locked' | `link-${LinkRefusalKind}`;

export interface ReadOnlyFacts {
  /** The board was written by a newer Costudio than this page. */
  tooNew: boolean;
  /** What this device's link claims (the relay enforces it). */
  access: Access;
  /** The facilitator has locked the whole board. */
  boardLocked: boolean;
  /** The relay refused this device's link (issue 12, item 8). */
  linkRefusal?: LinkRefusalKind | null;
}

/** The one reason to show, most useful first; null when the page may change the board. */
export function readOnlyCauseOf(facts: ReadOnlyFacts): ReadOnlyCause | null {
  // First: the page cannot even reach the board, whatever else is true.
  if (facts.linkRefusal) return `link-${facts.linkRefusal}`;
  if (facts.tooNew) return 'too-new';
  if (facts.access === 'view') return 'view-only';
  if (facts.boardLocked && facts.access !== 'facilitate') return 'locked';
  return null;
}
