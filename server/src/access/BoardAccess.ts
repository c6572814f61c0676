import { CloseCode, type LaneId } from '@costudio/shared';
import type { ShareLinks } from '../auth/ShareLinks.ts';
import { BoardLocks, type RoomExists, type RoomOpener } from '../facilitation/BoardLocks.ts';
import { parseRoomId } from '../facilitation/facilitationRoom.ts';
import { laneLockRule } from '../facilitation/laneLockRule.ts';
import { ParticipantGuard } from '../facilitation/ParticipantGuard.ts';
import { replyRule } from '../facilitation/replyRule.ts';
import { VoterBindings } from '../facilitation/VoterBindings.ts';
import { voteRightsRule } from '../facilitation/voteRightsRule.ts';
import { voterRule } from '../facilitation/voterRule.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Authorize } from '../relay/authorize.ts';
import type { ConnectionInfo } from '../relay/Connection.ts';
import type { UpdateGuard } from '../relay/UpdateGuard.ts';
import type { PrivateRoomStore } from '../storage/PrivateRoomStore.ts';
import { boardAuthorize } from './boardAuthorize.ts';
import { DEFAULT_MAX_PRIVATE_ROOMS_PER_LINK, PrivateRoomAdmission } from './PrivateRoomAdmission.ts';

/** What revoking access needs of the relay: its open sockets. */
export interface ConnectionCloser {
  closeConnectionsWhere(predicate: (connection: ConnectionInfo) => boolean, code: number, reason: string): number;
}

/** What enforcing locks needs of the relay: rooms to follow locks in, and sockets to close. */
export interface ConnectionsAndRooms extends RoomOpener, ConnectionCloser {}

export interface BoardAccessOptions {
  readonly links: ShareLinks;
  readonly privateRooms: PrivateRoomStore;
  /** Whether a room was ever stored (a board never facilitated has no lock to read). */
  readonly roomExists: RoomExists;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** New private rooms one participant link may make on a board (DEFAULT_MAX_PRIVATE_ROOMS_PER_LINK). */
  readonly maxPrivateRoomsPerLink?: number;
  /** Told when a board is locked or unlocked (the audit log); must not throw. */
  readonly onLockChange?: ((boardId: string, locked: boolean) => void) | undefined;
  /** The facilitator changed which lanes are locked. */
  readonly onLaneLocksChange?: ((boardId: string, lanes: ReadonlySet<LaneId>) => void) | undefined;
}

/**
 * Who may do what on a board: share links (auth/), board and lane locks and vote rights
 * (facilitation/), and private-writing rooms, composed into the relay's authorize hook and its
 * update guards. Neither auth/ nor facilitation/ knows the other; this is where they meet.
 */
export class BoardAccess {
  /** The relay's hook: link access, narrowed by locks, for boards and their side rooms. */
  readonly authorize: Authorize;
  private locks: BoardLocks | null = null;

  constructor(private readonly options: BoardAccessOptions) {
    const privateRooms = new PrivateRoomAdmission({
      store: options.privateRooms,
      privateWriting: async (boardId) => (await this.locks?.privateWriting(boardId)) ?? false,
      metrics: options.metrics,
      maxPerLink: options.maxPrivateRoomsPerLink ?? DEFAULT_MAX_PRIVATE_ROOMS_PER_LINK,
    });
    this.authorize = boardAuthorize(options.links, () => this.locks, privateRooms);
  }

  /**
   * What participants may not change (locked lanes, votes' settings, others' replies, a reply's
   * role), undone by the server.
   * Lane locks are read at each update, so a room loaded before locks are enforced still gets them.
   * Each socket votes only as the participant it registered (VoterBindings).
   */
  readonly guardFor = (roomId: string): UpdateGuard | undefined => {
    if (parseRoomId(roomId).kind !== 'board') return undefined;
    const voters = new VoterBindings();
    const lockedLanes = () => this.locks?.lockedLanes(roomId);
    return voters.guard(
      new ParticipantGuard([laneLockRule(lockedLanes), voteRightsRule(), voterRule(voters), replyRule(voters, lockedLanes)]),
    );
  };

  /**
   * Starts enforcing board locks through the relay. Locks live in rooms the relay loads, while
   * the relay asks `authorize` (which reads locks) about every socket: each needs the other, so
   * access is built first and given the relay here. Sockets are authorized when they open, so a
   * lock or unlock closes those whose access it changes with a retryable code; they come back
   * with the new access. Until this runs, nothing counts as locked.
   */
  enforceLocksThrough(relay: ConnectionsAndRooms): void {
    this.locks = new BoardLocks(
      relay,
      this.options.roomExists,
      (boardId, locked) => {
        this.options.onLockChange?.(boardId, locked);
        relay.closeConnectionsWhere(
          (c) => c.boardId === boardId && (locked ? c.access === 'edit' : c.meta?.lockedOut === true),
          CloseCode.ACCESS_CHANGED,
          locked ? 'The facilitator locked the board' : 'The facilitator unlocked the board',
        );
      },
      this.options.logger,
      this.options.onLaneLocksChange,
    );
  }
}

/** Closes every socket opened with a link, so switching it off takes effect at once; returns how many. */
export function disconnectLink(relay: ConnectionCloser, linkId: string): number {
  return relay.closeConnectionsWhere((c) => c.meta?.linkId === linkId, CloseCode.LINK_REVOKED, 'This link has been switched off');
}
