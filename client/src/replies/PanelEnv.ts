import type { LaneId } from '@costudio/shared';
import type { Announcer } from '../announce/Announcer.ts';
import type { Identity } from '../device/identity.ts';
import type { BoardSession } from '../session/BoardSession.ts';
import type { TraceStore } from '../trace/TraceStore.ts';

/** What the parts of a note's panel read and write with. */
export interface PanelEnv {
  session: BoardSession;
  identity: Identity;
  readOnly: boolean;
  /**
   * Lanes the facilitator locked, as the page drew them: read from here rather than from the
   * editor, whose copy is set after the page renders, so a lock shows the moment it lands.
   */
  lockedLanes: ReadonlySet<LaneId>;
  announcer: Announcer;
  trace: TraceStore;
}
