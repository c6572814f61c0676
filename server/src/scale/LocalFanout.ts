import type { Fanout } from './Fanout.ts';

/** The single-instance Fanout: there is nobody else to tell. */
export class LocalFanout implements Fanout {
  readonly crossInstance = false;
  async subscribe(): Promise<void> {}
  unsubscribe(): void {}
  publish(): void {}
  async close(): Promise<void> {}
}
