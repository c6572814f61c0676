import { ENGLISH, type Translator } from '../i18n/translator.ts';
import { ROLES, type Role } from '../schema/roles.ts';
import { atLeast, formatPercent, shareOf } from './shares.ts';
import type { VoteTally } from './tally.ts';

/**
 * Thresholds for the plain-language call-outs, as shares (0.4 = 40 percentage points).
 * A gap of 40 points is "far higher" and 20 points "higher"; notes where at least half of
 * each group voted and the gap is at most 15 points are called a shared priority. Call-outs
 * need at least MIN_VOTERS_PER_ROLE_FOR_CALLOUT voters in each role: with one voter a share
 * can only be 0 % or 100 %, and calling that a difference between groups would mislead.
 */
export const FAR_HIGHER_GAP = 0.4;
export const HIGHER_GAP = 0.2;
export const SHARED_PRIORITY_MIN_SHARE = 0.5;
export const SHARED_PRIORITY_MAX_GAP = 0.15;
export const MIN_VOTERS_PER_ROLE_FOR_CALLOUT = 2;
/** At most this many divergence call-outs (plus at most this many shared priorities). */
export const MAX_CALLOUTS = 3;

export interface PerspectiveRow {
  readonly noteId: string;
  /** People of each role who put at least one counted dot on the note. */
  readonly voters: Readonly<Record<Role, number>>;
  /** voters[role] / everyone of that role who voted in this vote; null when none of them voted. */
  readonly shares: Readonly<Record<Role, number | null>>;
  /** Lay share minus practitioner share (−1…1); null when either share is null. */
  readonly difference: number | null;
  readonly totalDots: number;
}

export type CalloutKind = 'lay-far-higher' | 'lay-higher' | 'practitioner-far-higher' | 'practitioner-higher' | 'shared-priority';

export interface PerspectiveCallout {
  readonly noteId: string;
  readonly kind: CalloutKind;
  /** e.g. "Lay participants rank this far higher than practitioners". */
  readonly message: string;
  /** e.g. "67% of lay participants, 0% of practitioners". */
  readonly detail: string;
}

export interface Perspectives {
  readonly voteId: string;
  /** Every note with a counted dot, largest divergence first. */
  readonly rows: readonly PerspectiveRow[];
  readonly callouts: readonly PerspectiveCallout[];
  readonly votersByRole: Readonly<Record<Role, number>>;
  /** Plain-language notes on what cannot be compared, e.g. "No practitioners voted." */
  readonly notices: readonly string[];
}

/**
 * Compares how each role voted: for every voted note, the share of lay voters and the share of
 * practitioner voters who chose it, sorted by how far they diverge (ties: more dots first, then
 * note id, so every peer shows the same order).
 */
export function computePerspectives(tally: VoteTally, t: Translator = ENGLISH): Perspectives {
  const { votersByRole } = tally;
  const rows: PerspectiveRow[] = tally.notes.map((note) => {
    const shares = {
      lay: shareOf(note.voters.lay, votersByRole.lay),
      practitioner: shareOf(note.voters.practitioner, votersByRole.practitioner),
    };
    const difference = shares.lay !== null && shares.practitioner !== null ? shares.lay - shares.practitioner : null;
    return { noteId: note.noteId, voters: note.voters, shares, difference, totalDots: note.totalDots };
  });
  rows.sort(
    (a, b) =>
      Math.abs(b.difference ?? -1) - Math.abs(a.difference ?? -1) ||
      b.totalDots - a.totalDots ||
      (a.noteId < b.noteId ? -1 : a.noteId > b.noteId ? 1 : 0),
  );
  return {
    voteId: tally.voteId,
    rows,
    callouts: callouts(rows, votersByRole, t),
    votersByRole,
    notices: notices(votersByRole, t),
  };
}

function callouts(
  rows: readonly PerspectiveRow[],
  votersByRole: Readonly<Record<Role, number>>,
  t: Translator,
): PerspectiveCallout[] {
  if (ROLES.some((role) => votersByRole[role] < MIN_VOTERS_PER_ROLE_FOR_CALLOUT)) return [];
  const divergent: PerspectiveCallout[] = [];
  const shared: PerspectiveCallout[] = [];
  for (const row of rows) {
    const { difference } = row;
    if (difference === null) continue;
    const detail = t.t('perspectives.detail', {
      lay: formatPercent(row.shares.lay, t),
      practitioner: formatPercent(row.shares.practitioner, t),
    });
    const gap = Math.abs(difference);
    if (atLeast(gap, HIGHER_GAP) && divergent.length < MAX_CALLOUTS) {
      const far = atLeast(gap, FAR_HIGHER_GAP);
      const kind: CalloutKind =
        difference > 0 ? (far ? 'lay-far-higher' : 'lay-higher') : far ? 'practitioner-far-higher' : 'practitioner-higher';
      divergent.push({ noteId: row.noteId, kind, message: t.t(`perspectives.${kind}`), detail });
    } else if (
      atLeast(SHARED_PRIORITY_MAX_GAP, gap) &&
      atLeast(row.shares.lay ?? 0, SHARED_PRIORITY_MIN_SHARE) &&
      atLeast(row.shares.practitioner ?? 0, SHARED_PRIORITY_MIN_SHARE) &&
      shared.length < MAX_CALLOUTS
    ) {
      shared.push({ noteId: row.noteId, kind: 'shared-priority', message: t.t('perspectives.shared-priority'), detail });
    }
  }
  return [...divergent, ...shared];
}

function notices(votersByRole: Readonly<Record<Role, number>>, t: Translator): string[] {
  if (votersByRole.lay === 0 && votersByRole.practitioner === 0) return [t.t('perspectives.noVotes')];
  const result: string[] = [];
  for (const role of ROLES) {
    const count = votersByRole[role];
    if (count === 0) result.push(t.t(`perspectives.noVoters.${role}`));
    else if (count < MIN_VOTERS_PER_ROLE_FOR_CALLOUT) result.push(t.t(`perspectives.fewVoters.${role}`, { count }));
  }
  return result;
}
