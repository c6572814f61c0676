import { emptyRoleCounts } from '../schema/activity.ts';
import type { Role } from '../schema/roles.ts';
import { compareDots, type Dot, type Vote } from '../schema/vote.ts';

/** Counted dots and distinct voters on one note, by the voters' roles in this vote. */
export interface NoteTally {
  readonly noteId: string;
  readonly dots: Readonly<Record<Role, number>>;
  /** People who put at least one counted dot on the note. */
  readonly voters: Readonly<Record<Role, number>>;
  readonly totalDots: number;
}

/** One person's dots in one vote, split by the tally rule. */
export interface VoterTally {
  readonly participantId: string;
  /** The role this person votes with in this vote: the role on their first counted dot. */
  readonly role: Role;
  readonly counted: readonly Dot[];
  /** Dots beyond the allowance (e.g. placed on two devices at once); shown as not counted. */
  readonly excess: readonly Dot[];
}

export interface VoteTally {
  readonly voteId: string;
  /** Notes with at least one counted dot, most dots first (ties by note id). */
  readonly notes: readonly NoteTally[];
  readonly byNote: ReadonlyMap<string, NoteTally>;
  /** People with at least one counted dot, by their role in this vote. */
  readonly votersByRole: Readonly<Record<Role, number>>;
  readonly dotsByRole: Readonly<Record<Role, number>>;
  readonly voters: ReadonlyMap<string, VoterTally>;
  readonly excessDots: readonly Dot[];
}

/**
 * The tally rule, identical on every peer because it depends only on the document:
 *
 * 1. A closed vote counts only dots whose ids were recorded when it closed (`finalDotIds`).
 * 2. Dots on notes that no longer exist are ignored and do not use up the voter's allowance.
 * 3. Each voter's remaining dots are ordered by (placedAt, dot id); the first `dotsPerPerson`
 *    count, the rest are excess. So two devices of one person can never count more than N.
 * 4. A voter counts with one role per vote: the role recorded on their first counted dot.
 *    Mixing roles would make one person half lay and half practitioner in every share.
 */
export function tallyVote(vote: Vote, existingNoteIds: ReadonlySet<string>): VoteTally {
  const dotsByVoter = new Map<string, Dot[]>();
  for (const dot of vote.dots) {
    if (vote.finalDotIds && !vote.finalDotIds.has(dot.id)) continue;
    if (!existingNoteIds.has(dot.noteId)) continue;
    const list = dotsByVoter.get(dot.voter);
    if (list) list.push(dot);
    else dotsByVoter.set(dot.voter, [dot]);
  }

  const voters = new Map<string, VoterTally>();
  const votersByRole = emptyRoleCounts();
  const dotsByRole = emptyRoleCounts();
  const noteDots = new Map<string, { dots: Record<Role, number>; voters: Record<Role, Set<string>> }>();
  const excessDots: Dot[] = [];

  for (const participantId of [...dotsByVoter.keys()].sort()) {
    const dots = (dotsByVoter.get(participantId) ?? []).sort(compareDots);
    const counted = dots.slice(0, vote.dotsPerPerson);
    const excess = dots.slice(vote.dotsPerPerson);
    const first = counted[0];
    if (!first) continue;
    const role = first.role;
    voters.set(participantId, { participantId, role, counted, excess });
    votersByRole[role] += 1;
    dotsByRole[role] += counted.length;
    excessDots.push(...excess);
    for (const dot of counted) {
      let entry = noteDots.get(dot.noteId);
      if (!entry) {
        entry = { dots: emptyRoleCounts(), voters: { lay: new Set(), practitioner: new Set() } };
        noteDots.set(dot.noteId, entry);
      }
      entry.dots[role] += 1;
      entry.voters[role].add(participantId);
    }
  }

  const notes: NoteTally[] = [...noteDots].map(([noteId, entry]) => ({
    noteId,
    dots: entry.dots,
    voters: { lay: entry.voters.lay.size, practitioner: entry.voters.practitioner.size },
    totalDots: entry.dots.lay + entry.dots.practitioner,
  }));
  notes.sort((a, b) => b.totalDots - a.totalDots || (a.noteId < b.noteId ? -1 : a.noteId > b.noteId ? 1 : 0));

  return {
    voteId: vote.id,
    notes,
    byNote: new Map(notes.map((note) => [note.noteId, note])),
    votersByRole,
    dotsByRole,
    voters,
    excessDots: excessDots.sort(compareDots),
  };
}

/** How many dots this person can still place in the vote, by the tally rule (never negative). */
export function dotsLeft(vote: Vote, participantId: string, existingNoteIds: ReadonlySet<string>): number {
  let placed = 0;
  for (const dot of vote.dots) {
    if (dot.voter !== participantId || !existingNoteIds.has(dot.noteId)) continue;
    if (vote.finalDotIds && !vote.finalDotIds.has(dot.id)) continue;
    placed += 1;
  }
  return Math.max(0, vote.dotsPerPerson - placed);
}
