import * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Fanout, FanoutMessage } from '../scale/Fanout.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { applySnapshot } from '../storage/snapshots.ts';
import type { RoomAwareness } from './RoomAwareness.ts';
import { StoreCatchUp } from './StoreCatchUp.ts';

/** Transaction origin of changes that came from another server instance (or the store, catching up). */
export const FANOUT_ORIGIN = 'costudio:fanout';

export interface FanoutFollowerOptions {
  readonly boardId: string;
  readonly store: BoardStore;
  readonly fanout: Fanout;
  readonly logger: Logger;
  readonly metrics?: Metrics | undefined;
  /** The room's doc: what arrives is applied with FANOUT_ORIGIN, and the room relays what is new. */
  readonly doc: Y.Doc;
  readonly awareness: RoomAwareness;
  /** Hears what each of those applies added to the doc (a Yjs 'update' listener, attached only meanwhile). */
  readonly relay: (update: Uint8Array, origin: unknown) => void;
}

/**
 * A room's side of the fan-out: it subscribes before the board loads (so nothing committed
 * elsewhere between the load's read and the subscription is missed), keeps what arrives until
 * the room is ready, then applies other instances' updates and presence. With several instances
 * it also follows the store's sequence numbers (StoreCatchUp), reading from the store what the
 * fan-out lost.
 */
export class FanoutFollower {
  private waiting: FanoutMessage[] | null = [];
  private subscribed = false;
  private readonly catchUp: StoreCatchUp | null;

  constructor(private readonly options: FanoutFollowerOptions) {
    const { boardId, store, logger, metrics, doc } = options;
    this.catchUp = options.fanout.crossInstance
      ? new StoreCatchUp({
          boardId,
          store,
          logger,
          metrics,
          applyRows: (rows) => {
            for (const row of rows) this.applyRemote(row.update);
          },
          applyBoard: (board) => {
            const { snapshot } = board;
            if (snapshot) this.relayingNews(() => applySnapshot(doc, snapshot, FANOUT_ORIGIN));
            for (const row of board.log) this.applyRemote(row.update);
          },
        })
      : null;
  }

  /** Every row up to this is in the doc (with several instances, a compaction may claim no more). */
  get throughSeq(): number | null {
    return this.catchUp?.throughSeq ?? null;
  }

  /** Before loading. */
  async subscribe(): Promise<void> {
    this.subscribed = true;
    await this.options.fanout.subscribe(this.options.boardId, this.deliver);
  }

  /**
   * The room is loaded (with every row up to `loadedThrough`) and its first connections attached:
   * what arrived meanwhile is applied now, and the other instances are asked who is present.
   */
  ready(loadedThrough: number): void {
    this.catchUp?.startAt(loadedThrough);
    const waiting = this.waiting ?? [];
    this.waiting = null;
    for (const message of waiting) this.handle(message);
    if (this.options.fanout.crossInstance) this.options.fanout.publish(this.options.boardId, { kind: 'awareness-query' });
  }

  /** This instance committed row `seq` of the board and applied it. */
  committed(seq: number): void {
    this.catchUp?.saw(seq);
  }

  /** The room closes. */
  stop(): void {
    this.catchUp?.stop();
    if (this.subscribed) this.options.fanout.unsubscribe(this.options.boardId, this.deliver);
    this.subscribed = false;
  }

  /** For tests: resolves once no catch-up read is pending. */
  settled(): Promise<void> {
    return this.catchUp?.settled() ?? Promise.resolve();
  }

  private readonly deliver = (message: FanoutMessage): void => {
    if (this.waiting) this.waiting.push(message);
    else this.handle(message);
  };

  private handle(message: FanoutMessage): void {
    try {
      switch (message.kind) {
        case 'update':
          if (this.options.metrics) this.options.metrics.fanoutUpdatesReceived++;
          // Counted as in the doc only if it integrated in full; otherwise it builds on a row
          // this instance lacks, and the store is read for both.
          if (this.applyRemote(message.update)) this.catchUp?.saw(message.seq);
          else this.catchUp?.lost();
          break;
        case 'awareness':
          this.options.awareness.apply(message.update, FANOUT_ORIGIN);
          break;
        case 'awareness-query':
          this.options.awareness.publishLocal();
          break;
        case 'lost':
          this.catchUp?.lost();
          if (message.resubscribed) this.options.fanout.publish(this.options.boardId, { kind: 'awareness-query' });
          break;
      }
    } catch (error) {
      this.options.logger.error('could not apply a message from another instance', { boardId: this.options.boardId, error });
      this.catchUp?.lost();
    }
  }

  /** Applies a committed update; false when part of it waits for something the doc lacks. */
  private applyRemote(update: Uint8Array): boolean {
    const { doc } = this.options;
    this.relayingNews(() => Y.applyUpdate(doc, update, FANOUT_ORIGIN));
    return !doc.store.pendingStructs && !doc.store.pendingDs;
  }

  /**
   * Runs `apply` with the room listening to the doc's 'update' event, and only then: while
   * anyone listens, Yjs encodes every transaction's changes once more for them, and this
   * instance's own edits (the relay's hot path) have no use for that.
   */
  private relayingNews(apply: () => void): void {
    const { doc, relay } = this.options;
    doc.on('update', relay);
    try {
      apply();
    } finally {
      doc.off('update', relay);
    }
  }
}
