import type { Announcer } from '../announce/Announcer.ts';
import type { Identity } from '../device/identity.ts';
import type { BoardSession } from '../session/BoardSession.ts';
import type { TraceStore } from '../trace/TraceStore.ts';

/** What the parts of a note's panel read and write with. */
export interface PanelEnv {
  session: BoardSession;
  identity: Identity;
  readOnly: boolean;
  announcer: Announcer;
  trace: TraceStore;
}
