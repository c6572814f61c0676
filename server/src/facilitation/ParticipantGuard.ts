import * as Y from 'yjs';
import type { Connection } from '../relay/Connection.ts';
import type { UpdateGuard } from '../relay/UpdateGuard.ts';
import { rootOfType, updateRoots } from '../relay/updateRoots.ts';
import { type EntryState, readEntryState, restoreEntryState } from './entryState.ts';

/** Transaction origin of the server undoing a participant's change it may not make. */
export const PARTICIPANT_GUARD_ORIGIN = 'costudio:participant-guard';

/**
 * One thing participants may not change: some entries of a top-level map of the board (notes
 * in a locked lane, votes' settings). Rules are plain data so each can be tested on its own.
 */
export interface ParticipantRule {
  /** The top-level map whose entries (each a Y.Map) this rule protects. */
  readonly map: (doc: Y.Doc) => Y.Map<unknown>;
  /** Keys of an entry that participants may change freely (e.g. a vote's dots). */
  readonly freeKeys: ReadonlySet<string>;
  /** Whether the rule is in force now; entries' states are kept only while it is. */
  active(): boolean;
  /** Whether it binds this connection (facilitators are never bound). */
  binds(connection: Connection): boolean;
  /** Whether changing entry `id` from `before` to `after` (null: absent) is refused to `connection`. */
  refuses(before: EntryState | null, after: EntryState | null, connection: Connection, id: string): boolean;
}

/** A rule's view of one doc: every entry's last state, and the entries a transaction touched. */
class Watch {
  readonly states = new Map<string, EntryState>();
  readonly touched = new Set<string>();
  enforcing = false;

  constructor(
    readonly map: Y.Map<unknown>,
    readonly rule: ParticipantRule,
  ) {
    for (const [id, value] of map.entries()) this.remember(id, value);
    map.observeDeep(this.onChange);
  }

  stop(): void {
    this.map.unobserveDeep(this.onChange);
  }

  remember(id: string, value: unknown): void {
    const state = readEntryState(value, this.rule.freeKeys);
    if (state) this.states.set(id, state);
    else this.states.delete(id);
  }

  private readonly onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const touched = this.enforcing ? this.touched : new Set<string>();
    for (const event of events) {
      if (event.target === this.map) {
        for (const id of (event as Y.YMapEvent<unknown>).keysChanged) if (id !== null) touched.add(id);
      } else if (typeof event.path[0] === 'string') {
        touched.add(event.path[0]);
      }
    }
    if (!this.enforcing) for (const id of touched) this.remember(id, this.map.get(id));
  };
}

/**
 * Enforces participants' limits on the server, after the fact. A participant's update is
 * committed and applied like any other (a sender's later updates build on every struct in
 * it); then each entry it touched is compared with its state before, and entries changed
 * against a rule are written back as they were, in one server transaction whose update is
 * returned. Changes the rules allow, in the same update, stand. States are kept current after
 * every change by anyone while a rule is active; an inactive rule costs nothing.
 */
export class ParticipantGuard implements UpdateGuard {
  private readonly watches: (Watch | null)[];

  constructor(private readonly rules: readonly ParticipantRule[]) {
    this.watches = rules.map(() => null);
  }

  enforce(doc: Y.Doc, connection: Connection, apply: () => void): Uint8Array | null {
    const binding: Watch[] = [];
    this.rules.forEach((rule, index) => {
      const watch = this.watchFor(index, doc, rule);
      if (watch && rule.binds(connection)) binding.push(watch);
    });
    if (binding.length === 0) {
      apply();
      return null;
    }
    for (const watch of binding) {
      watch.touched.clear();
      watch.enforcing = true;
    }
    try {
      apply();
    } catch (error) {
      // Whatever part of it did apply is now the state to compare the next update with.
      for (const watch of binding) {
        watch.enforcing = false;
        for (const id of watch.touched) watch.remember(id, watch.map.get(id));
      }
      throw error;
    }
    for (const watch of binding) watch.enforcing = false;
    const refused: [Watch, string, EntryState | null][] = [];
    for (const watch of binding) {
      for (const id of watch.touched) {
        const before = watch.states.get(id) ?? null;
        const after = readEntryState(watch.map.get(id), watch.rule.freeKeys);
        if (before?.key !== after?.key && watch.rule.refuses(before, after, connection, id)) refused.push([watch, id, before]);
        else watch.remember(id, watch.map.get(id));
      }
    }
    return refused.length === 0 ? null : undo(doc, refused);
  }

  /** Only when a rule binds `connection` and the update reaches (or may reach) the map it protects. */
  mayRefuse(doc: Y.Doc, connection: Connection, update: Uint8Array): boolean {
    let protectedMaps: Y.Map<unknown>[] | null = null;
    for (const rule of this.rules) {
      if (!rule.active() || !rule.binds(connection)) continue;
      protectedMaps ??= [];
      protectedMaps.push(rule.map(doc));
    }
    if (protectedMaps === null) return false;
    const roots = updateRoots(doc, update);
    return (
      roots === null ||
      protectedMaps.some((map) => {
        const root = rootOfType(map);
        return root === null || roots.has(root);
      })
    );
  }

  /** The rule's watch on `doc`, started or stopped as the rule comes into or out of force. */
  private watchFor(index: number, doc: Y.Doc, rule: ParticipantRule): Watch | null {
    const active = rule.active();
    let watch = this.watches[index] ?? null;
    if (watch && (!active || watch.map.doc !== doc)) {
      watch.stop();
      watch = null;
    }
    if (!watch && active) watch = new Watch(rule.map(doc), rule);
    this.watches[index] = watch;
    return watch;
  }
}

/** Writes the refused entries back, returning the update that did it. */
function undo(doc: Y.Doc, refused: readonly [Watch, string, EntryState | null][]): Uint8Array | null {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array, origin: unknown) => {
    if (origin === PARTICIPANT_GUARD_ORIGIN) updates.push(update);
  };
  doc.on('update', collect);
  try {
    doc.transact(() => {
      for (const [watch, id, before] of refused)
        restoreEntryState(watch.map, id, before, watch.rule.freeKeys, PARTICIPANT_GUARD_ORIGIN);
    }, PARTICIPANT_GUARD_ORIGIN);
  } finally {
    doc.off('update', collect);
  }
  // The undoing transaction's own observer call brought the states back to `before`.
  if (updates.length === 0) return null;
  return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
}
