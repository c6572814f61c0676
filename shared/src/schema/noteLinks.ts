import type { LaneId } from './lanes.ts';

/**
 * Field `answers` of a note (docs/schema.md): a Y.Map whose keys are the ids of the earlier
 * notes this note answers, each set to `true`. A map rather than an array so two people adding
 * links at once both keep theirs, and adding a link twice is the same as adding it once.
 */
export const ANSWERS_FIELD = 'answers';

/**
 * Where a lane sits on the road from what people said to what came of it. This is NOT the
 * lane order on the board: Deliver sits before Decide there, yet a Deliver action carries out
 * a decision, so it is a later stage.
 */
export type LaneStage = 'said' | 'decided' | 'being-done' | 'measured';

export const LANE_STAGE: Readonly<Record<LaneId, LaneStage>> = {
  define: 'said',
  design: 'said',
  decide: 'decided',
  deliver: 'being-done',
  distribute: 'being-done',
  evaluate: 'measured',
};

const STAGE_RANK: Readonly<Record<LaneStage, number>> = { said: 0, decided: 1, 'being-done': 2, measured: 3 };

/** 0 for Define/Design, 1 for Decide, 2 for Deliver/Distribute, 3 for Evaluate. */
export function laneStageRank(lane: LaneId): number {
  return STAGE_RANK[LANE_STAGE[lane]];
}

/**
 * The link rule: a note may answer notes of an earlier stage only (a Decide note cites Define
 * or Design notes, a Deliver action a decision, an Evaluate measure an action or anything
 * before it). Links that break it, e.g. after a note moved lanes, stay stored but are not read.
 * Because every readable link points strictly to an earlier stage, links can never form a cycle.
 */
export function laneMayAnswer(from: LaneId, to: LaneId): boolean {
  return laneStageRank(from) > laneStageRank(to);
}
