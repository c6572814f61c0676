/**
 * The six lanes of co-production, "the 5 Ds and an E", in the order they appear on every board.
 * The ids are part of the document contract (a note's `lane` holds one of them); titles and
 * prompts are what people read, so they are written in plain language.
 */
export const LANE_IDS = ['define', 'design', 'deliver', 'decide', 'distribute', 'evaluate'] as const;

export type LaneId = (typeof LANE_IDS)[number];

export interface Lane {
  readonly id: LaneId;
  /** Short title shown as the lane heading, e.g. "Define". */
  readonly title: string;
  /** One plain-language sentence that tells a lay participant what belongs in the lane. */
  readonly prompt: string;
}

export const LANES: readonly Lane[] = [
  { id: 'define', title: 'Define', prompt: 'What is the problem, and who has it?' },
  { id: 'design', title: 'Design', prompt: 'What could we do about it? Share any idea.' },
  { id: 'deliver', title: 'Deliver', prompt: 'How would it work day to day, and who would do what?' },
  { id: 'decide', title: 'Decide', prompt: 'Which ideas should we choose, and why?' },
  { id: 'distribute', title: 'Distribute', prompt: 'How will people hear about it and get to use it?' },
  { id: 'evaluate', title: 'Evaluate', prompt: 'How will we know it works, and for whom?' },
];

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
