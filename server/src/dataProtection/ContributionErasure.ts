import {
  type ErasureCount,
  type ErasureTarget,
  eraseContributions,
  getNotesMap,
  getRepliesMap,
  isAuthoredBy,
  readNotes,
} from '@costudio/shared';
import * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { Storage } from '../storage/Storage.ts';
import { applySnapshot, encodeSnapshot } from '../storage/snapshots.ts';

/** What an erasure needs from the relay: the board's live room and its commit path. */
export interface ErasingRooms<R extends { readonly doc: Y.Doc }> {
  openRoom(boardId: string): Promise<R>;
  /** Commits a server-made update like a person's edit: durable, then applied and relayed. */
  commitServerUpdate(room: R, update: Uint8Array): Promise<void>;
  /** Replaces the board's stored snapshot and whole update log with one fresh snapshot. */
  compactFully(boardId: string): Promise<void>;
}

export interface ErasureResult extends ErasureCount {
  /** Saved versions that held some of it and were rewritten without it. */
  readonly versionsRewritten: number;
}

/**
 * Erases contributions from a board and from its whole history (issue 15, docs/privacy.md),
 * so the text is recoverable from no stored byte while the rest of the board, and of every
 * version, survives:
 *
 * 1. the live board: the deletion is made on a copy of the room's doc and committed as a
 *    server-made update through the room's sequencing, so everyone connected receives it like
 *    any edit and concurrent editors converge (their own docs keep only tombstones once they
 *    have it);
 * 2. the update log and snapshot: Yjs keeps deleted content in the log rows and older
 *    snapshots, but the room's doc garbage-collects it, so a fresh snapshot of the doc replaces
 *    the snapshot and every log row (and quarantined rows go);
 * 3. every saved version: loaded into a garbage-collecting doc, erased the same way, re-encoded
 *    and rewritten in place; versions that held none of it are left untouched;
 * 4. the storage erases the freed space (zeroed pages, truncated WAL).
 */
export class ContributionErasure<R extends { readonly doc: Y.Doc }> {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: ErasingRooms<R>,
    private readonly logger: Logger,
  ) {}

  async erase(boardId: string, target: ErasureTarget): Promise<ErasureResult> {
    const room = await this.rooms.openRoom(boardId);
    const { update, count } = erasureUpdate(room.doc, target);
    if (update) await this.rooms.commitServerUpdate(room, update);
    await this.rooms.compactFully(boardId);
    await this.storage.boards.dropQuarantined(boardId);
    const versionsRewritten = await this.eraseFromVersions(boardId, target);
    await this.storage.eraseFreedSpace();
    // Counts and ids only: never the erased content, nor the author's name.
    this.logger.info('contributions erased', { boardId, ...count, versionsRewritten });
    return { ...count, versionsRewritten };
  }

  /**
   * Whether the holder of `secret` wrote every one of these notes (or, with `kind` 'replies',
   * replies) — their `authorKey`: checked on the live board, or for one no longer there, in the
   * saved versions that hold it. For a participant erasing their own; false if any is unknown
   * or not theirs.
   */
  async wroteAll(boardId: string, ids: readonly string[], secret: string, kind: 'notes' | 'replies' = 'notes'): Promise<boolean> {
    const entries = kind === 'notes' ? getNotesMap : getRepliesMap;
    const live = entries((await this.rooms.openRoom(boardId)).doc);
    const elsewhere = ids.filter((id) => !live.has(id));
    if (!ids.every((id) => !live.has(id) || isAuthoredBy(live.get(id), id, secret))) return false;
    if (elsewhere.length === 0) return true;
    const proven = new Set<string>();
    for (const listed of (await this.storage.history?.list(boardId)) ?? []) {
      const found = await this.storage.history?.get(boardId, listed.id);
      if (!found) continue;
      const doc = new Y.Doc();
      try {
        applySnapshot(doc, found.snapshot);
        const saved = entries(doc);
        for (const id of elsewhere) {
          if (!saved.has(id)) continue;
          if (!isAuthoredBy(saved.get(id), id, secret)) return false;
          proven.add(id);
        }
      } finally {
        doc.destroy();
      }
    }
    return proven.size === elsewhere.length;
  }

  private async eraseFromVersions(boardId: string, target: ErasureTarget): Promise<number> {
    const history = this.storage.history;
    if (!history) return 0;
    let rewritten = 0;
    for (const listed of await history.list(boardId)) {
      const found = await history.get(boardId, listed.id);
      if (!found) continue;
      const doc = new Y.Doc();
      try {
        applySnapshot(doc, found.snapshot);
        const count = eraseContributions(doc, target);
        if (count.notes + count.dots + count.participants + count.replies === 0) continue;
        if (await history.rewrite(boardId, listed.id, encodeSnapshot(doc), readNotes(doc).length)) rewritten++;
      } finally {
        doc.destroy();
      }
    }
    return rewritten;
  }
}

/**
 * The one update that erases the target from `current`, made on a copy so the room's doc only
 * ever changes through its commit path; null when there is nothing to erase.
 */
export function erasureUpdate(current: Y.Doc, target: ErasureTarget): { update: Uint8Array | null; count: ErasureCount } {
  const work = new Y.Doc();
  try {
    Y.applyUpdateV2(work, Y.encodeStateAsUpdateV2(current));
    const updates: Uint8Array[] = [];
    work.on('update', (update: Uint8Array) => updates.push(update));
    const count = eraseContributions(work, target);
    const update = updates.length === 0 ? null : updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
    return { update, count };
  } finally {
    work.destroy();
  }
}
