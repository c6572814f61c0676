import { type NoteStatus, statusLabel, type Translator } from '@costudio/shared';

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
