import { LANE_IDS, type LaneId } from '../schema/lanes.ts';
import type { Note } from '../schema/note.ts';
import { LANE_STAGE, laneMayAnswer } from '../schema/noteLinks.ts';
import type { Reply } from '../schema/reply.ts';

/**
 * What came of a note, as anyone can read it on the note: computed from links and replies,
 * never typed by hand (docs/schema.md, "Status").
 */
export type NoteStatus = 'said' | 'answered' | 'decided' | 'being-done' | 'measured';

/** From least to most; a note's status is the furthest it has got. */
export const NOTE_STATUS_ORDER: readonly NoteStatus[] = ['said', 'answered', 'decided', 'being-done', 'measured'];

export function noteStatusRank(status: NoteStatus): number {
  return NOTE_STATUS_ORDER.indexOf(status);
}

/**
 * The status of every note:
 * - *measured* if an Evaluate note traces back to it through any chain of links,
 *   *being-done* if a Deliver or Distribute note does, *decided* if a Decide note does;
 *   a note's own lane counts as a chain of none, so a Decide note is at least decided and an
 *   Evaluate note is measured;
 * - else *answered* if any note links to it, or, for a lay note, a practitioner replied;
 * - else *said*.
 * Only links the link rule allows count (schema/noteLinks.ts): links to notes not in `notes`
 * are ignored, and so are links that do not point to an earlier stage, which is also why
 * cycles cannot keep the walk going. Replies to notes not in `notes` are ignored.
 */
export function computeNoteStatuses(notes: readonly Note[], replies: readonly Reply[]): Map<string, NoteStatus> {
  const graph = linkGraph(notes);
  const practitionerReplied = new Set(
    replies.filter((reply) => reply.authorRole === 'practitioner').map((reply) => reply.noteId),
  );
  // Furthest stage reached by this note or anything tracing back to it, memoised. Each link
  // goes to a strictly earlier stage, so the recursion is at most four deep; `visiting` makes
  // that hold even if that rule were ever loosened.
  const reach = new Map<string, number>();
  const visiting = new Set<string>();
  const reachOf = (note: Note): number => {
    const known = reach.get(note.id);
    if (known !== undefined) return known;
    if (visiting.has(note.id)) return stageStatusRank(note.lane);
    visiting.add(note.id);
    let best = stageStatusRank(note.lane);
    for (const later of graph.later.get(note.id) ?? []) best = Math.max(best, reachOf(later));
    visiting.delete(note.id);
    reach.set(note.id, best);
    return best;
  };
  const statuses = new Map<string, NoteStatus>();
  for (const note of notes) {
    let rank = reachOf(note);
    const answered =
      (graph.later.get(note.id)?.length ?? 0) > 0 || (note.authorRole === 'lay' && practitionerReplied.has(note.id));
    if (answered) rank = Math.max(rank, noteStatusRank('answered'));
    statuses.set(note.id, NOTE_STATUS_ORDER[rank] ?? 'said');
  }
  return statuses;
}

/** A note's path both ways: every note it answers, and every note that answers it, each once. */
export interface NoteTrace {
  /** What this note builds on, nearest first (the notes it answers, then theirs…). */
  readonly earlier: Note[];
  /** What came of it, nearest first (the notes that answer it, then theirs…). */
  readonly later: Note[];
}

/** Follows the allowed links from note `id` both ways, transitively; empty for an unknown id. */
export function traceNote(notes: readonly Note[], id: string): NoteTrace {
  return noteTracer(notes)(id);
}

/**
 * traceNote for many notes of one board: reads the links once, then traces each note in time
 * proportional to its path (a report tracing every note would otherwise read them per note).
 */
export function noteTracer(notes: readonly Note[]): (id: string) => NoteTrace {
  const graph = linkGraph(notes);
  return (id) =>
    graph.byId.has(id) ? { earlier: walk(id, graph.earlier), later: walk(id, graph.later) } : { earlier: [], later: [] };
}

/** Per lane, how many lay notes there are and how many reached a decision (or further). */
export interface LaneReach {
  readonly layNotes: number;
  readonly layReachedDecision: number;
}

/** "Lay notes that reached a decision: 9 of 24", per lane, for the balance view. */
export function laneReach(notes: readonly Note[], statuses: ReadonlyMap<string, NoteStatus>): Record<LaneId, LaneReach> {
  const decided = noteStatusRank('decided');
  const counts = Object.fromEntries(LANE_IDS.map((lane) => [lane, { layNotes: 0, layReachedDecision: 0 }])) as Record<
    LaneId,
    { layNotes: number; layReachedDecision: number }
  >;
  for (const note of notes) {
    if (note.authorRole !== 'lay') continue;
    counts[note.lane].layNotes += 1;
    const status = statuses.get(note.id);
    if (status && noteStatusRank(status) >= decided) counts[note.lane].layReachedDecision += 1;
  }
  return counts;
}

interface LinkGraph {
  readonly byId: ReadonlyMap<string, Note>;
  /** note id → the notes it answers. */
  readonly earlier: ReadonlyMap<string, Note[]>;
  /** note id → the notes that answer it. */
  readonly later: ReadonlyMap<string, Note[]>;
}

function linkGraph(notes: readonly Note[]): LinkGraph {
  const byId = new Map(notes.map((note) => [note.id, note]));
  const earlier = new Map<string, Note[]>();
  const later = new Map<string, Note[]>();
  for (const note of notes) {
    for (const targetId of new Set(note.answers)) {
      const target = byId.get(targetId);
      if (!target || target.id === note.id || !laneMayAnswer(note.lane, target.lane)) continue;
      push(earlier, note.id, target);
      push(later, target.id, note);
    }
  }
  return { byId, earlier, later };
}

function push(map: Map<string, Note[]>, key: string, note: Note): void {
  const list = map.get(key);
  if (list) list.push(note);
  else map.set(key, [note]);
}

/** Breadth-first from `start` (excluded), each note once. */
function walk(start: string, edges: ReadonlyMap<string, Note[]>): Note[] {
  const seen = new Set([start]);
  const found: Note[] = [];
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const note of edges.get(id) ?? []) {
        if (seen.has(note.id)) continue;
        seen.add(note.id);
        found.push(note);
        next.push(note.id);
      }
    }
    frontier = next;
  }
  return found;
}

function stageStatusRank(lane: LaneId): number {
  return noteStatusRank(LANE_STAGE[lane]);
}
