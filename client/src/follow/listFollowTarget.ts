import { LANE_IDS, type LaneId, laneAtX, NOTE_HEIGHT, NOTE_WIDTH, type Note } from '@costudio/shared';
import type { Rect } from '../canvas/camera.ts';

/** Where the lane list goes to show what a followed person sees on their canvas. */
export type ListFollowTarget = { kind: 'note'; id: string } | { kind: 'lane'; lane: LaneId };

/**
 * The list's counterpart of another person's canvas view (issue 12, item 7): the note in their
 * view nearest its centre, or, with no note in view, the lane at its centre. Null when their
 * view shows neither (e.g. the gap beside the board).
 */
export function listFollowTarget(view: Rect, notes: Iterable<Note>): ListFollowTarget | null {
  const centreX = view.x + view.width / 2;
  const centreY = view.y + view.height / 2;
  let best: Note | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const note of notes) {
    const inView =
      note.x < view.x + view.width &&
      note.x + NOTE_WIDTH > view.x &&
      note.y < view.y + view.height &&
      note.y + NOTE_HEIGHT > view.y;
    if (!inView) continue;
    const distance = Math.hypot(note.x + NOTE_WIDTH / 2 - centreX, note.y + NOTE_HEIGHT / 2 - centreY);
    if (distance < bestDistance || (distance === bestDistance && best !== null && note.id < best.id)) {
      best = note;
      bestDistance = distance;
    }
  }
  if (best) return { kind: 'note', id: best.id };
  const lane = laneAtX(centreX, LANE_IDS);
  return lane ? { kind: 'lane', lane } : null;
}
