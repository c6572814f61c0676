import { type Access, CloseCode } from '@costudio/shared';
import type { Metrics } from '../metrics.ts';
import type { PrivateRoomStore } from '../storage/PrivateRoomStore.ts';

/** Private rooms one link may create on a board: enough for a workshop sharing one edit link. */
export const DEFAULT_MAX_PRIVATE_ROOMS_PER_LINK = 100;

export interface PrivateRoomAdmissionOptions {
  readonly store: PrivateRoomStore;
  /** Whether the board's facilitator has private writing on now. */
  readonly privateWriting: (boardId: string) => Promise<boolean>;
  readonly metrics: Metrics;
  readonly maxPerLink: number;
}

/**
 * Bounds what a link can create (issue 13, item 5): a private room that exists reopens for
 * anyone allowed to write; a new one is made only while private writing is on, and each
 * participant link makes at most `maxPerLink` on a board. Facilitators are not bound.
 */
export class PrivateRoomAdmission {
  constructor(private readonly options: PrivateRoomAdmissionOptions) {}

  /** Records `roomId` if it may be opened; otherwise says why not, as a close code and reason. */
  async admit(
    boardId: string,
    roomId: string,
    access: Access,
    linkId: string | null,
  ): Promise<{ code: number; reason: string } | null> {
    const { store, metrics } = this.options;
    if (await store.has(roomId)) return null;
    if (access !== 'facilitate') {
      if (!(await this.options.privateWriting(boardId))) {
        metrics.privateRoomsRefused++;
        return { code: CloseCode.FORBIDDEN, reason: 'Private writing is off on this board' };
      }
      if (linkId !== null && (await store.countByLink(boardId, linkId)) >= this.options.maxPerLink) {
        metrics.privateRoomsRefused++;
        return { code: CloseCode.RATE_LIMITED, reason: 'This link has made as many private rooms as it may' };
      }
    }
    await store.record(boardId, roomId, linkId);
    metrics.privateRoomsCreated++;
    return null;
  }
}
