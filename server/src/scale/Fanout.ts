import type { Announcements } from './Announcements.ts';

/**
 * Relays committed document updates and awareness between server instances that serve the same
 * board. An instance publishes only what it has already committed to the shared store, so a
 * receiver applies remote updates without storing them again. Delivery may fail (the store is the
 * truth): an update carries its row's sequence number so a receiver can see a gap and read the
 * missing rows from the store, and a fanout that may have lost messages says so with 'lost'.
 */
export interface Fanout {
  /**
   * True when other instances may write the same boards (Redis), so a room must follow the
   * store's sequence numbers; false for the single instance, whose own commits are all there is.
   */
  readonly crossInstance: boolean;
  /**
   * Starts delivering other instances' messages for a board; called before a room loads, and
   * resolves once messages published from then on will be delivered (or it gave up waiting: the
   * room then relies on catching up from the store).
   */
  subscribe(boardId: string, deliver: (message: FanoutMessage) => void): Promise<void>;
  /** Stops delivery for a board to `deliver` (not to a newer room's); called when its room unloads. */
  unsubscribe(boardId: string, deliver: (message: FanoutMessage) => void): void;
  /** Sends a message to every other instance serving the board; never throws. */
  publish(boardId: string, message: FanoutMessage): void;
  /** Changes of rights for every instance (Redis); absent for a single instance. */
  readonly announcements?: Announcements | undefined;
  close(): Promise<void>;
}

export type FanoutMessage =
  /** A committed Yjs document update: log row `seq` of the board (or several merged, the highest). */
  | { readonly kind: 'update'; readonly seq: number; readonly update: Uint8Array }
  /** A y-protocols awareness update, as encoded by encodeAwarenessUpdate. */
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  /** A room that just loaded asks the others for the presence of their people. */
  | { readonly kind: 'awareness-query' }
  /**
   * Delivered locally, never sent: messages may have been lost; catch up from the store.
   * `resubscribed` after a (re)connection, when presence may have been missed too; false for
   * the periodic check in case a board's last message was lost with nothing after it.
   */
  | { readonly kind: 'lost'; readonly resubscribed: boolean };
