import { getNotesMap, type Note, readNote } from '@costudio/shared';
import type * as Y from 'yjs';

/** An immutable view of the board's notes; a new object whenever any note changes. */
export interface NotesSnapshot {
  readonly byId: ReadonlyMap<string, Note>;
  /**
   * Changes only when a note is added, removed, moved or changes lane, so layout work
   * (the spatial index) can skip the far more frequent text edits.
   */
  readonly geometryVersion: number;
}

/**
 * Keeps a validated copy of the notes, updated incrementally from Yjs events: a keystroke in
 * one note re-reads that note only, which keeps typing smooth on a board of 10,000 notes.
 * Every read goes through the shared readNote(), so a malformed note is repaired or skipped.
 */
export class NotesStore {
  private snapshot: NotesSnapshot;
  /** The snapshot as of the last geometry change: see getGeometrySnapshot. */
  private geometrySnapshot: NotesSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly noteListeners = new Map<string, Set<() => void>>();
  private readonly notesMap: Y.Map<Y.Map<unknown>>;

  /** True while the views show the board's first view (firstView/), not yet its document. */
  private firstView = false;
  private readonly drawnListeners: (() => void)[] = [];

  constructor(doc: Y.Doc) {
    this.notesMap = getNotesMap(doc);
    this.snapshot = { byId: this.readAll(), geometryVersion: 0 };
    this.geometrySnapshot = this.snapshot;
    this.notesMap.observeDeep(this.onEvents);
  }

  /**
   * Shows `notes` (the board's first view, shared/src/protocol/firstView.ts) until the document
   * holds notes of its own: the views draw them like any other. Ignored once the document has
   * notes. The first change to the document's notes, or endFirstView(), replaces them all with
   * the document's.
   */
  showFirstView(notes: readonly Note[]): void {
    if (this.notesMap.size > 0 || this.snapshot.byId.size > 0 || notes.length === 0) return;
    this.firstView = true;
    this.replaceAll(new Map(notes.map((note) => [note.id, note])));
  }

  /** The document is in (synced): stop showing the first view, even if the document has no notes. */
  endFirstView(): void {
    if (this.firstView) this.replaceWithDocument();
  }

  /** Whether the notes shown are the first view: read-only, and only the top of each lane. */
  get showsFirstView(): boolean {
    return this.firstView;
  }

  /** A view has drawn the first view (called after the commit that drew it; see useFirstViewDrawn). */
  firstViewDrawn(): void {
    if (!this.firstView) return;
    for (const listener of this.drawnListeners.splice(0)) listener();
  }

  /** Calls `listener` once, when a view has drawn the first view. */
  onFirstViewDrawn(listener: () => void): () => void {
    this.drawnListeners.push(listener);
    return () => {
      const at = this.drawnListeners.indexOf(listener);
      if (at >= 0) this.drawnListeners.splice(at, 1);
    };
  }

  getSnapshot = (): NotesSnapshot => this.snapshot;

  /**
   * The snapshot as it was at the last geometry change (a note added, removed, moved or
   * changing lane): the same object while people only type, so views that lay notes out or
   * count them need not re-render on every keystroke. Its notes' text and colour may be older
   * than getSnapshot()'s.
   */
  getGeometrySnapshot = (): NotesSnapshot => this.geometrySnapshot;

  /** Called after every change to any note. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current copy of one note, or undefined when there is none (never was, or deleted). */
  getNote = (id: string): Note | undefined => this.snapshot.byId.get(id);

  /**
   * Called after each change to note `id` only (its text, colour, place, or its removal), so
   * one note's view can follow it without hearing about the others: on a board of thousands,
   * a keystroke then wakes one listener, not thousands.
   */
  subscribeNote(id: string, listener: () => void): () => void {
    let set = this.noteListeners.get(id);
    if (!set) {
      set = new Set();
      this.noteListeners.set(id, set);
    }
    set.add(listener);
    return () => {
      const current = this.noteListeners.get(id);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.noteListeners.delete(id);
    };
  }

  destroy(): void {
    this.notesMap.unobserveDeep(this.onEvents);
    this.listeners.clear();
    this.noteListeners.clear();
    this.drawnListeners.length = 0;
  }

  private readonly onEvents = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const changed = new Set<string>();
    for (const event of events) {
      if (event.target === this.notesMap) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) changed.add(key);
      } else {
        const id = event.path[0];
        if (typeof id === 'string') changed.add(id);
      }
    }
    if (changed.size === 0) return;
    if (this.firstView) {
      this.replaceWithDocument();
      return;
    }
    const byId = new Map(this.snapshot.byId);
    let geometryChanged = false;
    for (const id of changed) {
      const before = byId.get(id);
      const after = readNote(id, this.notesMap.get(id));
      if (after) byId.set(id, after);
      else byId.delete(id);
      if (!before || !after || before.x !== after.x || before.y !== after.y || before.lane !== after.lane) {
        geometryChanged = true;
      }
    }
    this.snapshot = {
      byId,
      geometryVersion: this.snapshot.geometryVersion + (geometryChanged ? 1 : 0),
    };
    if (geometryChanged) this.geometrySnapshot = this.snapshot;
    for (const id of changed) {
      const set = this.noteListeners.get(id);
      if (set) for (const listener of [...set]) listener();
    }
    for (const listener of this.listeners) listener();
  };

  private readAll(): Map<string, Note> {
    const byId = new Map<string, Note>();
    this.notesMap.forEach((value, id) => {
      const note = readNote(id, value);
      if (note) byId.set(id, note);
    });
    return byId;
  }

  private replaceWithDocument(): void {
    this.firstView = false;
    this.replaceAll(this.readAll());
  }

  /** A new snapshot of every note at once, and every listener told. */
  private replaceAll(byId: Map<string, Note>): void {
    const before = this.snapshot.byId;
    this.snapshot = { byId, geometryVersion: this.snapshot.geometryVersion + 1 };
    this.geometrySnapshot = this.snapshot;
    for (const [id, set] of this.noteListeners) {
      if (before.get(id) === byId.get(id)) continue;
      for (const listener of [...set]) listener();
    }
    for (const listener of this.listeners) listener();
  }
}
