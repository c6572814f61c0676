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
  private readonly writing = new Map<string, boolean>();

  constructor(
    private readonly rooms: RoomOpener,
    private readonly exists: RoomExists,
    private readonly onChange: (boardId: string, locked: boolean, remote: boolean) => void,
    private readonly logger: Logger,
    /** The set of locked lanes changed (for the audit log; enforcement reads `lockedLanes`). */
    private readonly onLanesChange?: (boardId: string, lanes: ReadonlySet<LaneId>, remote: boolean) => void,
    /** A socket of this instance changed the board's locks or private writing (other instances are told). */
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
    // A room loaded afresh may hold a change this instance never saw (made elsewhere while it
    // was not loaded here): acted on now, as one from another instance.
    this.recheck(boardId, doc, true);
    return readBoardLocked(doc);
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
    await this.isLocked(boardId);
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
        if (this.recheck(boardId, doc, remote) && !remote) this.onLocalUpdate?.(boardId);
      });
    }
    return doc;
  }

  /** Acts on what changed; true when the lock, the locked lanes or private writing did. */
  private recheck(boardId: string, doc: Y.Doc, remote: boolean): boolean {
    const before = this.lanes.get(boardId) ?? NO_LANES;
    const lanes = readLockedLanes(doc.getMap(FACILITATION_MAP));
    this.lanes.set(boardId, lanes);
    const lanesChanged = lanes.size !== before.size || [...lanes].some((lane) => !before.has(lane));
    if (lanesChanged) this.onLanesChange?.(boardId, lanes, remote);
    const writing = doc.getMap(FACILITATION_MAP).get(PRIVATE_WRITING_KEY) === true;
    const writingChanged = (this.writing.get(boardId) ?? false) !== writing;
    this.writing.set(boardId, writing);
    const locked = readBoardLocked(doc);
    const lockChanged = (this.known.get(boardId) ?? false) !== locked;
    this.known.set(boardId, locked);
    if (lockChanged) this.onChange(boardId, locked, remote);
    return lanesChanged || writingChanged || lockChanged;
  }
}

const NO_LANES: ReadonlySet<LaneId> = new Set();

export function readBoardLocked(doc: Y.Doc): boolean {
  return doc.getMap(FACILITATION_MAP).get(BOARD_LOCKED_KEY) === true;
}
