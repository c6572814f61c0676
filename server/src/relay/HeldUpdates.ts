import { canIntegrate, type KnownClock, type UpdateDependencies } from './updateDependencies.ts';

/** At most this many updates, or bytes, are held for one connection; past that it is closed. */
export const MAX_HELD_UPDATES = 64;
export const MAX_HELD_BYTES = 1024 * 1024;

interface Held<T> {
  readonly sender: object;
  readonly update: Uint8Array;
  readonly dependencies: UpdateDependencies;
  readonly entry: T;
}

/**
 * A room's updates that build on changes it does not have yet. They are neither stored nor
 * relayed nor acknowledged until they integrate in full; then they go through the same commit
 * and the same guard as any update, judged under their sender's rights at that moment — never
 * integrated later inside someone else's edit. A stock client never needs this except when two
 * tabs of one browser share edits over BroadcastChannel and one tab's socket is a moment
 * behind; a hand-made update that waits for changes that never come is dropped with its
 * connection. Held updates live only in memory: the client has no "saved" for them, and sends
 * them again when it reconnects.
 */
export class HeldUpdates<T> {
  private held: Held<T>[] = [];
  private readonly budgets = new Map<object, { count: number; bytes: number }>();

  get size(): number {
    return this.held.length;
  }

  /** Holds an update; false when its sender is over the budget (then nothing is held). */
  hold(sender: object, update: Uint8Array, dependencies: UpdateDependencies, entry: T): boolean {
    const used = this.budgets.get(sender) ?? { count: 0, bytes: 0 };
    if (used.count + 1 > MAX_HELD_UPDATES || used.bytes + update.byteLength > MAX_HELD_BYTES) return false;
    this.budgets.set(sender, { count: used.count + 1, bytes: used.bytes + update.byteLength });
    this.held.push({ sender, update, dependencies, entry });
    return true;
  }

  /**
   * Takes out, in arrival order, the held updates that now integrate at `known`. An update that
   * fits only after an earlier held one comes out on a later call, once that one is counted in.
   */
  release(known: KnownClock): T[] {
    if (this.held.length === 0) return [];
    const ready: T[] = [];
    this.held = this.held.filter((held) => {
      if (!canIntegrate(held.dependencies, known)) return true;
      this.forget(held);
      ready.push(held.entry);
      return false;
    });
    return ready;
  }

  /** Drops what a sender had held (it disconnected). */
  drop(sender: object): void {
    if (!this.budgets.has(sender)) return;
    this.held = this.held.filter((held) => held.sender !== sender);
    this.budgets.delete(sender);
  }

  private forget(held: Held<T>): void {
    const used = this.budgets.get(held.sender);
    if (!used) return;
    if (used.count <= 1) this.budgets.delete(held.sender);
    else this.budgets.set(held.sender, { count: used.count - 1, bytes: used.bytes - held.update.byteLength });
  }
}
