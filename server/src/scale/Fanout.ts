/**
 * Relays committed document updates and awareness between server instances that serve the same
 * board (Redis later). An instance publishes only what it has already committed to the shared
 * store, so a receiver applies remote updates without storing them again.
 */
export interface Fanout {
  /** Starts delivering other instances' messages for a board; called when a room loads. */
  subscribe(boardId: string, deliver: (message: FanoutMessage) => void): void;
  /** Stops delivery for a board; called when its room unloads. */
  unsubscribe(boardId: string): void;
  /** Sends a message to every other instance serving the board. */
  publish(boardId: string, message: FanoutMessage): void;
  close(): Promise<void>;
}

export type FanoutMessage =
  /** A committed Yjs document update. */
  | { readonly kind: 'update'; readonly update: Uint8Array }
  /** A y-protocols awareness update, as encoded by encodeAwarenessUpdate. */
  | { readonly kind: 'awareness'; readonly update: Uint8Array };
