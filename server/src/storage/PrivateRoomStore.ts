/**
 * Which private-writing rooms each board has, so its facilitators can review and reveal them.
 * A room's secret name is recorded when its author first opens it; the rooms' contents are
 * ordinary boards in the BoardStore.
 */
export interface PrivateRoomStore {
  /**
   * Remembers that `roomId` is a private room of `boardId`, opened first through the share link
   * `linkId` (null: none); recording it again changes nothing.
   */
  record(boardId: string, roomId: string, linkId?: string | null): Promise<void>;
  /** Whether `roomId` was recorded. */
  has(roomId: string): Promise<boolean>;
  /** How many of the board's private rooms were first opened through `linkId`. */
  countByLink(boardId: string, linkId: string): Promise<number>;
  /** The board's private rooms, oldest first; empty for a board that has none or is unknown. */
  list(boardId: string): Promise<string[]>;
  /** Forgets every private room of the board (whose contents the caller deletes from the BoardStore). */
  deleteForBoard(boardId: string): Promise<void>;
  close(): Promise<void>;
}
