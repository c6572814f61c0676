import { getVotesMap } from '@costudio/shared';
import type * as Y from 'yjs';
import type { EntryState } from './entryState.ts';
import type { ParticipantRule } from './ParticipantGuard.ts';
import type { VoterBindings } from './VoterBindings.ts';

/**
 * Everything in a vote but its dots: voteRightsRule guards these, so this rule compares only
 * the dots. A key added to votes later is compared here too, which is the safe side.
 */
const VOTE_SETTINGS: ReadonlySet<string> = new Set([
  'title',
  'scope',
  'dotsPerPerson',
  'hideTotals',
  'status',
  'openedAt',
  'closedAt',
  'finalDotIds',
]);

/**
 * Voters bound to their socket (issue 13, item 4): a participant may add or take back dots only
 * under the participant id `voters` tied to their connection. Dots under invented ids, other
 * people's dots taken back, or a vote's dots map replaced are all written back as they were.
 */
export function voterRule(voters: VoterBindings): ParticipantRule {
  return {
    map: (doc: Y.Doc) => getVotesMap(doc) as Y.Map<unknown>,
    freeKeys: VOTE_SETTINGS,
    active: () => true,
    binds: (connection) => connection.access === 'edit' && !!connection.meta?.linkId,
    refuses: (before, after, connection) => {
      const changed = changedDotVoters(before, after);
      if (changed.size === 0) return false;
      // One update of a stock client changes one voter's dots; several, or unreadable ones, are forged.
      const [voter, ...others] = changed;
      return others.length > 0 || typeof voter !== 'string' || !voters.claim(connection, voter);
    },
  };
}

/** The voters of the dots added, removed or changed between two states of a vote (null: unreadable). */
function changedDotVoters(before: EntryState | null, after: EntryState | null): Set<string | null> {
  const was = dotsOf(before);
  const is = dotsOf(after);
  const voters = new Set<string | null>();
  for (const id of new Set([...Object.keys(was), ...Object.keys(is)])) {
    const old = was[id];
    const now = is[id];
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    if (old !== undefined) voters.add(voterOf(old));
    if (now !== undefined) voters.add(voterOf(now));
  }
  return voters;
}

function dotsOf(state: EntryState | null): Readonly<Record<string, unknown>> {
  const field = state?.fields.get('dots');
  return field?.kind === 'map' ? field.json : {};
}

function voterOf(dot: unknown): string | null {
  const voter = typeof dot === 'object' && dot !== null ? (dot as { voter?: unknown }).voter : undefined;
  return typeof voter === 'string' ? voter : null;
}
