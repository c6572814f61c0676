import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { type Announcement, type Announcements, decodeAnnouncement, encodeAnnouncement } from './Announcements.ts';
import type { Fanout, FanoutMessage } from './Fanout.ts';
import { decodeFanoutMessage, encodeFanoutMessage } from './fanoutWire.ts';

export interface RedisFanoutOptions {
  /** redis://[user:password@]host:port[/db] */
  readonly url: string;
  readonly logger: Logger;
  /** Prepended to every channel name, so deployments (or test runs) can share one Redis. Default 'costudio:'. */
  readonly prefix?: string;
  /** How long a room's load waits for its subscription to be confirmed. Default 2000 ms. */
  readonly subscribeTimeoutMs?: number;
  /**
   * How often every board is told 'lost' anyway, so that a last message lost with nothing after
   * it (a publisher whose link to Redis broke, not the receiver's) is caught up. Default 10 s.
   */
  readonly sweepMs?: number;
}

type Deliver = (message: FanoutMessage) => void;

/**
 * The Fanout between instances through Redis pub/sub: one channel per board
 * (`<prefix>board:<boardId>`), binary messages (fanoutWire.ts), and one channel of
 * announcements for every instance (`<prefix>control`, Announcements.ts), JSON.
 *
 * Pub/sub, not streams: nothing in Redis needs to last, because the store is the truth. An update
 * message carries its row's sequence number, and a room that sees a gap reads the missing rows
 * from the store (relay/StoreCatchUp.ts). What pub/sub can lose is lost while a connection is
 * down, so every (re)connection of the subscriber resubscribes first and only then tells each
 * board 'lost', which makes its room catch up from the store: nothing committed in between is
 * missed. A stream per board would keep a copy of what the store already holds, need trimming,
 * and still could not survive a flush or restart of Redis without the same catch-up.
 *
 * Two connections: a subscriber, and a publisher without an offline queue (while Redis is away,
 * publishing drops the message at once instead of piling up; receivers catch up when it returns).
 */
export class RedisFanout implements Fanout {
  readonly crossInstance = true;
  /** Tells this instance's messages apart from others' (pub/sub echoes a publisher's own). */
  readonly instanceId = randomUUID();
  private readonly prefix: string;
  private readonly controlChannel: string;
  private listener: ((announcement: Announcement) => void) | null = null;
  private readonly subscribeTimeoutMs: number;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly boards = new Map<string, Deliver>();
  private everReady = false;
  private loggedDown = false;
  private closed = false;
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly options: RedisFanoutOptions) {
    this.prefix = `${options.prefix ?? 'costudio:'}board:`;
    this.controlChannel = `${options.prefix ?? 'costudio:'}control`;
    this.subscribeTimeoutMs = options.subscribeTimeoutMs ?? 2000;
    const name = `costudio-${this.instanceId.slice(0, 8)}`;
    this.publisher = new Redis(options.url, {
      connectionName: `${name}-pub`,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
    this.subscriber = new Redis(options.url, {
      connectionName: `${name}-sub`,
      // Resubscribed by hand on 'ready', so the catch-up starts only once the subscription is back.
      autoResubscribe: false,
      maxRetriesPerRequest: null,
    });
    this.subscriber.on('messageBuffer', this.onMessage);
    this.subscriber.on('ready', this.onSubscriberReady);
    for (const connection of [this.publisher, this.subscriber]) connection.on('error', this.onError);
    this.sweep = setInterval(this.tellAllLost, options.sweepMs ?? 10_000);
    this.sweep.unref();
  }

  /** The subscriber connection's name in CLIENT LIST (tests kill it to simulate a lost link). */
  get subscriberName(): string {
    return `costudio-${this.instanceId.slice(0, 8)}-sub`;
  }

  async subscribe(boardId: string, deliver: Deliver): Promise<void> {
    this.boards.set(boardId, deliver);
    if (this.subscriber.status !== 'ready') return; // onSubscriberReady subscribes it, then says 'lost'.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.subscribeTimeoutMs);
    });
    const subscribed = this.subscriber.subscribe(this.channel(boardId)).then(
      () => undefined,
      (error: unknown) => this.options.logger.warn('could not subscribe to a board on Redis', { boardId, error }),
    );
    await Promise.race([subscribed, timeout]);
    clearTimeout(timer);
  }

  unsubscribe(boardId: string, deliver: Deliver): void {
    if (this.boards.get(boardId) !== deliver) return;
    this.boards.delete(boardId);
    if (this.subscriber.status !== 'ready') return;
    this.subscriber.unsubscribe(this.channel(boardId)).catch(() => {
      // Gone with the connection anyway; a reconnect only resubscribes the boards still here.
    });
  }

  publish(boardId: string, message: FanoutMessage): void {
    if (this.publisher.status !== 'ready') return; // Receivers see the gap and read the store.
    const data = Buffer.from(encodeFanoutMessage(this.instanceId, message));
    this.publisher.publish(this.channel(boardId), data).catch((error: unknown) => {
      this.options.logger.debug('a fan-out message was not published', { boardId, error });
    });
  }

  readonly announcements: Announcements = {
    announce: (announcement) => {
      if (this.publisher.status !== 'ready') return; // The others re-check from the store.
      this.publisher.publish(this.controlChannel, encodeAnnouncement(this.instanceId, announcement)).catch((error: unknown) => {
        this.options.logger.warn('an announcement was not published; other instances re-check from the store', {
          kind: announcement.kind,
          error,
        });
      });
    },
    listen: (listener) => {
      this.listener = listener;
    },
  };

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweep);
    this.boards.clear();
    await Promise.all(
      [this.publisher, this.subscriber].map((connection) =>
        connection.quit().then(
          () => undefined,
          () => connection.disconnect(),
        ),
      ),
    );
  }

  private readonly tellAllLost = () => {
    for (const deliver of [...this.boards.values()]) deliver({ kind: 'lost', resubscribed: false });
  };

  private channel(boardId: string): string {
    return this.prefix + boardId;
  }

  private readonly onMessage = (channel: Buffer, data: Buffer) => {
    const name = channel.toString('utf8');
    if (name === this.controlChannel) {
      const decoded = decodeAnnouncement(data.toString('utf8'));
      if (decoded && decoded.sender !== this.instanceId) this.listener?.(decoded.announcement);
      return;
    }
    const boardId = name.slice(this.prefix.length);
    const deliver = this.boards.get(boardId);
    if (!deliver) return;
    let decoded: ReturnType<typeof decodeFanoutMessage>;
    try {
      decoded = decodeFanoutMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (error) {
      this.options.logger.warn('ignoring an unreadable fan-out message', { boardId, error });
      return;
    }
    if (!decoded || decoded.sender === this.instanceId) return;
    deliver(decoded.message);
  };

  /** First connection or a reconnection: (re)subscribe every board, then have each catch up. */
  private readonly onSubscriberReady = () => {
    const reconnected = this.everReady;
    this.everReady = true;
    this.loggedDown = false;
    if (reconnected) this.options.logger.info('reconnected to Redis; catching up boards from the store');
    const boards = [...this.boards.keys()];
    this.subscriber.subscribe(this.controlChannel, ...boards.map((boardId) => this.channel(boardId))).then(
      async () => {
        // Announcements made while this connection was down are missed: re-check from the store.
        if (reconnected) this.listener?.({ kind: 'lost' });
        // What the rooms do next (ask who is present) needs the publisher too.
        if (this.publisher.status !== 'ready') await new Promise((resolve) => this.publisher.once('ready', resolve));
        for (const boardId of boards) this.boards.get(boardId)?.({ kind: 'lost', resubscribed: true });
      },
      (error: unknown) => this.options.logger.warn('could not resubscribe to boards on Redis', { error }),
    );
  };

  private readonly onError = (error: Error) => {
    if (this.loggedDown || this.closed) return;
    this.loggedDown = true;
    this.options.logger.warn('Redis connection failed; boards keep working here and catch up when it returns', {
      error,
    });
  };
}
