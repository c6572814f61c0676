import type { Access } from '@costudio/shared';

/**
 * Whether balance prompts show on this screen. The facilitator always sees them; a projector
 * (issue 7) shows them only when the facilitator chose to put them in front of the room.
 */
export function showBalancePrompts(options: { access: Access; projector?: boolean; promptsOnProjector?: boolean }): boolean {
  if (options.projector) return options.promptsOnProjector === true;
  return options.access === 'facilitate';
}
