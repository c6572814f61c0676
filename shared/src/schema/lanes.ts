/**
 * The six lanes of co-production, "the 5 Ds and an E", in the order they appear on every board.
 * The ids are part of the document contract (a note's `lane` holds one of them); the stored board
 * keeps only ids. Titles and prompts are words people read, so they live in the catalogs
 * (shared/src/i18n, `lane.<id>.title`, `lane.<id>.prompt`; `laneTitle`, `lanePrompt`), in plain language.
 */
export const LANE_IDS = ['define', 'design', 'deliver', 'decide', 'distribute', 'evaluate'] as const;

export type LaneId = (typeof LANE_IDS)[number];

export interface Lane {
  readonly id: LaneId;
}

export const LANES: readonly Lane[] = LANE_IDS.map((id) => ({ id }));

export function isLaneId(value: unknown): value is LaneId {
  return typeof value === 'string' && (LANE_IDS as readonly string[]).includes(value);
}

export function laneById(id: LaneId): Lane {
  // LANES holds every LaneId, so the lookup cannot miss.
  return LANES.find((lane) => lane.id === id) as Lane;
}

export function laneIndex(id: LaneId): number {
  return LANE_IDS.indexOf(id);
}
