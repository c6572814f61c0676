import { type NoteStatus, statusLabel, type Translator } from '@costudio/shared';

/**
 * Whether a note shows its status where everyone sees it: once it has gone further than "said",
 * or has replies or links. A "Said" on every note is noise that costs each note a line of its
 * words; the status is still given to screen readers (issue 12).
 */
export function showsStatus(status: NoteStatus, replies: number, links: number): boolean {
  return status !== 'said' || replies + links > 0;
}

/** ["2 replies", "1 link"]: what a note has, leaving out what it has none of. */
export function traceCounts(t: Translator, replies: number, links: number): string[] {
  const parts: string[] = [];
  if (replies > 0) parts.push(t.t('trace.count.replies', { count: replies }));
  if (links > 0) parts.push(t.t('trace.count.links', { count: links }));
  return parts;
}

/** "Answered · 2 replies · 1 link": a note's status with its counts, as one line of text. */
export function traceLine(t: Translator, status: NoteStatus, replies: number, links: number): string {
  return [statusLabel(t, status), ...traceCounts(t, replies, links)].join(' · ');
}
