/**
 * Which private-writing rooms each board has, so its facilitators can review and reveal them.
 * A room's secret name is recorded when its author first opens it; the rooms' contents are
 * ordinary boards in the BoardStore.
 */
export interface PrivateRoomStore {
  /** Remembers that `roomId` is a private room of `boardId`; recording it again changes nothing. */
  record(boardId: string, roomId: string): Promise<void>;
  /** The board's private rooms, oldest first; empty for a board that has none or is unknown. */
  list(boardId: string): Promise<string[]>;
  /** Forgets every private room of the board (whose contents the caller deletes from the BoardStore). */
  deleteForBoard(boardId: string): Promise<void>;
  close(): Promise<void>;
}
