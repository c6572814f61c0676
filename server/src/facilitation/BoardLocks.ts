import {
  BOARD_LOCKED_KEY,
  FACILITATION_MAP,
  facilitationRoomId,
  type LaneId,
  PRIVATE_WRITING_KEY,
  readLockedLanes,
} from '@costudio/shared';
import type * as Y from 'yjs';
import type { Logger } from '../log.ts';
import { FANOUT_ORIGIN } from '../relay/FanoutFollower.ts';

/** What BoardLocks needs of the relay: a loaded room's doc (kept loaded by whoever is connected). */
export interface RoomOpener {
  openRoom(roomId: string): Promise<{ readonly doc: Y.Doc }>;
}

/** Whether a room was ever stored; a board nobody facilitated has no facilitation room to load. */
export type RoomExists = (roomId: string) => Promise<boolean>;

/**
 * Knows, for the relay's authorize hook, whether a board is locked, by watching the board's
 * facilitation document, and tells `onChange` when that flips so participants' sockets can be
 * re-authorized (they are closed with a retryable code and reconnect with the new access).
 * `remote` says the change came from another instance (or the store), which already audited
 * and announced it.
 */
export class BoardLocks {
  private readonly watched = new WeakMap<Y.Doc, boolean>();
  private readonly known = new Map<string, boolean>();
  private readonly lanes = new Map<string, ReadonlySet<LaneId>>();

  constructor(
    private readonly rooms: RoomOpener,
    private readonly exists: RoomExists,
    private readonly onChange: (boardId: string, locked: boolean, remote: boolean) => void,
    private readonly logger: Logger,
    /** The set of locked lanes changed (for the audit log; enforcement reads `lockedLanes`). */
    private readonly onLanesChange?: (boardId: string, lanes: ReadonlySet<LaneId>, remote: boolean) => void,
    /** A socket of this instance changed the facilitation document (other instances are told). */
    private readonly onLocalUpdate?: (boardId: string) => void,
  ) {}

  /**
   * The lanes locked against participants right now, as last read from the board's facilitation
   * document (followed from when any socket of the board opened). Empty for a board never locked.
   */
  lockedLanes(boardId: string): ReadonlySet<LaneId> {
    return this.lanes.get(boardId) ?? NO_LANES;
  }

  /** Whether participants are locked out of changing the board right now. */
  async isLocked(boardId: string): Promise<boolean> {
    if (!this.known.has(boardId) && !(await this.exists(facilitationRoomId(boardId)))) return false;
    return this.watch(boardId);
  }

  /**
   * Loads the facilitation room (creating it) and follows it; called for every socket that
   * opens it, so a lock made later still reaches the board's sockets. Returns the lock state.
   */
  async watch(boardId: string): Promise<boolean> {
    const doc = await this.follow(boardId);
    if (!doc) return false;
    const locked = readBoardLocked(doc);
    this.known.set(boardId, locked);
    this.lanes.set(boardId, readLockedLanes(doc.getMap(FACILITATION_MAP)));
    return locked;
  }

  /**
   * Whether the facilitator has private writing on now, read from the board's facilitation
   * document (loaded if it is not); false for a board never facilitated or whose room failed.
   */
  async privateWriting(boardId: string): Promise<boolean> {
    if (!this.known.has(boardId) && !(await this.exists(facilitationRoomId(boardId)))) return false;
    try {
      const { doc } = await this.rooms.openRoom(facilitationRoomId(boardId));
      return doc.getMap(FACILITATION_MAP).get(PRIVATE_WRITING_KEY) === true;
    } catch {
      return false;
    }
  }

  /**
   * Another instance changed the board's facilitation document: reads it again (from the store
   * when the room is not loaded here) and acts on what changed, as for a change made here.
   */
  async refresh(boardId: string): Promise<void> {
    if (!this.known.has(boardId) && !(await this.exists(facilitationRoomId(boardId)))) return;
    const doc = await this.follow(boardId);
    if (doc) this.recheck(boardId, doc, true);
  }

  /** The facilitation room's doc, loaded (created) if need be and followed; null when it failed. */
  private async follow(boardId: string): Promise<Y.Doc | null> {
    let doc: Y.Doc;
    try {
      ({ doc } = await this.rooms.openRoom(facilitationRoomId(boardId)));
    } catch (error) {
      // Failing closed would lock everyone out of a board because of a side document.
      this.logger.warn('could not read the board lock; treating it as unlocked', { boardId, error });
      return null;
    }
    if (!this.watched.has(doc)) {
      this.watched.set(doc, true);
      doc.on('update', (_update: Uint8Array, origin: unknown) => {
        const remote = origin === FANOUT_ORIGIN;
        if (!remote) this.onLocalUpdate?.(boardId);
        this.recheck(boardId, doc, remote);
      });
    }
    return doc;
  }

  private recheck(boardId: string, doc: Y.Doc, remote: boolean): void {
    const before = this.lanes.get(boardId) ?? NO_LANES;
    const lanes = readLockedLanes(doc.getMap(FACILITATION_MAP));
    this.lanes.set(boardId, lanes);
    if (lanes.size !== before.size || [...lanes].some((lane) => !before.has(lane))) this.onLanesChange?.(boardId, lanes, remote);
    const locked = readBoardLocked(doc);
    if ((this.known.get(boardId) ?? false) === locked) {
      this.known.set(boardId, locked);
      return;
    }
    this.known.set(boardId, locked);
    this.onChange(boardId, locked, remote);
  }
}

const NO_LANES: ReadonlySet<LaneId> = new Set();

export function readBoardLocked(doc: Y.Doc): boolean {
  return doc.getMap(FACILITATION_MAP).get(BOARD_LOCKED_KEY) === true;
}
