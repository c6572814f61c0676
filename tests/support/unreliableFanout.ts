import type { Fanout, FanoutMessage } from '@costudio/server';

/** Which of its update messages an UnreliableFanout drops or sends twice (by count, from 1). */
export interface Unreliability {
  drop?: (nth: number, message: FanoutMessage) => boolean;
  duplicate?: (nth: number, message: FanoutMessage) => boolean;
}

/**
 * Wraps a real fanout and misbehaves on purpose when publishing updates, as a network or a
 * broker without delivery guarantees would: drops some, sends some twice. Everything else passes,
 * except announcements of rights (it has none): an instance behind it hears no other instance's
 * revocations, deletions or locks, and must find them in the store by itself.
 */
export class UnreliableFanout implements Fanout {
  readonly crossInstance: boolean;
  /** Update messages published so far (dropped ones included). */
  updates = 0;
  dropped = 0;

  constructor(
    private readonly inner: Fanout,
    private readonly unreliability: Unreliability,
  ) {
    this.crossInstance = inner.crossInstance;
  }

  subscribe(boardId: string, deliver: (message: FanoutMessage) => void): Promise<void> {
    return this.inner.subscribe(boardId, deliver);
  }

  unsubscribe(boardId: string, deliver: (message: FanoutMessage) => void): void {
    this.inner.unsubscribe(boardId, deliver);
  }

  publish(boardId: string, message: FanoutMessage): void {
    if (message.kind === 'update') {
      const nth = ++this.updates;
      if (this.unreliability.drop?.(nth, message)) {
        this.dropped++;
        return;
      }
      if (this.unreliability.duplicate?.(nth, message)) this.inner.publish(boardId, message);
    }
    this.inner.publish(boardId, message);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
