import { ENGLISH, type Translator } from '../i18n/translator.ts';
import { emptyRoleCounts } from '../schema/activity.ts';
import { ROLES, type Role } from '../schema/roles.ts';

/** Counts by role with each role's share of the total. */
export interface RoleShares {
  readonly counts: Readonly<Record<Role, number>>;
  readonly total: number;
  /** count / total; null when the total is 0 (there is no share of nothing). */
  readonly shares: Readonly<Record<Role, number | null>>;
}

/** part / whole, or null when whole is 0, so no caller ever divides by zero. */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function roleShares(counts: Readonly<Record<Role, number>>): RoleShares {
  const total = ROLES.reduce((sum, role) => sum + counts[role], 0);
  const shares = {} as Record<Role, number | null>;
  for (const role of ROLES) shares[role] = shareOf(counts[role], total);
  return { counts: { ...counts }, total, shares };
}

export function addRoleCounts(into: Record<Role, number>, add: Readonly<Record<Role, number>>): void {
  for (const role of ROLES) into[role] += add[role];
}

export function sumRoleCounts(list: readonly Readonly<Record<Role, number>>[]): Record<Role, number> {
  const sum = emptyRoleCounts();
  for (const counts of list) addRoleCounts(sum, counts);
  return sum;
}

/** Shares are ratios of small integers: 1/5 − 3/5 is −0.39999… in floating point, not −0.4. */
const EPSILON = 1e-9;

/** a ≥ b, tolerating floating-point error, so a gap of exactly a threshold meets it. */
export function atLeast(a: number, b: number): boolean {
  return a + EPSILON >= b;
}

/** "43%", rounded to whole percent; "—" when there is no share. */
export function formatPercent(share: number | null, t: Translator = ENGLISH): string {
  return share === null ? '—' : t.t('share.percent', { share: Math.round(share * 100) / 100 });
}

/** A difference of shares in percentage points, signed: "+40 pts", "−15 pts", "0 pts". */
export function formatPoints(difference: number | null, t: Translator = ENGLISH): string {
  if (difference === null) return '—';
  const points = Math.round(difference * 100);
  // "points", not "pts": lay people read these tables (issue 12).
  return t.t('share.points', { sign: points > 0 ? 'plus' : points < 0 ? 'minus' : 'none', points: Math.abs(points) });
}
