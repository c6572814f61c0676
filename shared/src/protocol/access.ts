/**
 * What a person may do on one board: `view` only looks, `edit` adds, edits and votes,
 * `facilitate` also runs the meeting (links, locks, votes, private writing, history).
 * A share link carries one of these; the relay enforces it and the client only follows it.
 */
export type Access = 'view' | 'edit' | 'facilitate';

/** Every access level, weakest first. */
export const ACCESS_LEVELS: readonly Access[] = ['view', 'edit', 'facilitate'];

export function isAccess(value: unknown): value is Access {
  return value === 'view' || value === 'edit' || value === 'facilitate';
}
