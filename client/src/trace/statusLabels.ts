import type { NoteStatus } from '@costudio/shared';

/** The status a note shows, in plain words; the word always carries the meaning, never colour alone. */
export const STATUS_LABEL: Readonly<Record<NoteStatus, string>> = {
  said: 'Said',
  answered: 'Answered',
  decided: 'Decided',
  'being-done': 'Being done',
  measured: 'Measured',
};

/** What a status means, for a lay reader (the chip's description and the report's key). */
export const STATUS_MEANING: Readonly<Record<NoteStatus, string>> = {
  said: 'Nobody has answered it yet.',
  answered: 'A practitioner has replied to it.',
  decided: 'A decision has been made about it.',
  'being-done': 'Something is being done about it.',
  measured: 'Someone is checking whether it works.',
};

/** ["2 replies", "1 link"]: what a note has, leaving out what it has none of. */
export function traceCounts(replies: number, links: number): string[] {
  const parts: string[] = [];
  if (replies > 0) parts.push(replies === 1 ? '1 reply' : `${replies} replies`);
  if (links > 0) parts.push(links === 1 ? '1 link' : `${links} links`);
  return parts;
}

/** "Answered · 2 replies · 1 link": a note's status with its counts, as one line of text. */
export function traceLine(status: NoteStatus, replies: number, links: number): string {
  return [STATUS_LABEL[status], ...traceCounts(replies, links)].join(' · ');
}
