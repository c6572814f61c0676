import {
  ANSWERS_FIELD,
  computeNoteStatuses,
  getNotesMap,
  getRepliesMap,
  groupRepliesByNote,
  type Note,
  type NoteStatus,
  type Reply,
  readReplies,
} from '@costudio/shared';
import type * as Y from 'yjs';
import type { NotesStore } from '../doc/NotesStore.ts';

/** What came of the notes, as of one change: statuses, replies and links, read-only. */
export interface TraceSnapshot {
  readonly statuses: ReadonlyMap<string, NoteStatus>;
  readonly replies: readonly Reply[];
  readonly repliesByNote: ReadonlyMap<string, readonly Reply[]>;
  /** Ids of the notes that cite each note (the reverse of `Note.answers`). */
  readonly answeredBy: ReadonlyMap<string, readonly string[]>;
  /** The notes the statuses were computed from. */
  readonly notes: readonly Note[];
}

/** One note's line as views draw it; a string key, so a view re-renders only when it changes. */
export interface NoteTraceSummary {
  status: NoteStatus;
  replies: number;
  /** Links both ways: notes it answers and notes that answer it. */
  links: number;
}

const NO_REPLIES: readonly Reply[] = [];
const NO_IDS: readonly string[] = [];

/**
 * Keeps the board's note statuses (said → answered → decided → being done → measured), replies
 * and links up to date. Statuses are computed by the shared analysis from links and replies,
 * never typed; they are recomputed only when a reply, a link, a note's lane or a note's
 * existence changes, so typing in a note costs nothing here (issue 12: big boards).
 */
export class TraceStore {
  private snapshot: TraceSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly repliesMap: Y.Map<Y.Map<unknown>>;
  private readonly notesMap: Y.Map<Y.Map<unknown>>;
  private readonly summaries = new Map<string, string>();
  private started = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly notes: NotesStore,
  ) {
    this.repliesMap = getRepliesMap(doc);
    this.notesMap = getNotesMap(doc);
    this.snapshot = this.compute();
  }

  /** Follows the board until stop(); a view starts it when it mounts (twice is harmless). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.repliesMap.observeDeep(this.onChange);
    this.notesMap.observeDeep(this.onNotesChange);
    this.onChange();
  }

  stop(): void {
    if (!this.started) return;
    this.started = false;
    this.repliesMap.unobserveDeep(this.onChange);
    this.notesMap.unobserveDeep(this.onNotesChange);
  }

  getSnapshot = (): TraceSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** "status|replies|links" of a note, stable between changes: for useSyncExternalStore. */
  summaryKey(id: string): string {
    let key = this.summaries.get(id);
    if (key === undefined) {
      const { status, replies, links } = this.summary(id);
      key = `${status}|${replies}|${links}`;
      this.summaries.set(id, key);
    }
    return key;
  }

  summary(id: string): NoteTraceSummary {
    const { statuses } = this.snapshot;
    const answers = this.notes.getNote(id)?.answers.length ?? 0;
    return {
      status: statuses.get(id) ?? 'said',
      replies: this.repliesOf(id).length,
      links: answers + (this.snapshot.answeredBy.get(id)?.length ?? 0),
    };
  }

  repliesOf(id: string): readonly Reply[] {
    return this.snapshot.repliesByNote.get(id) ?? NO_REPLIES;
  }

  answeredByOf(id: string): readonly string[] {
    return this.snapshot.answeredBy.get(id) ?? NO_IDS;
  }

  private compute(): TraceSnapshot {
    const notes = [...this.notes.getSnapshot().byId.values()];
    const replies = readReplies(this.doc);
    const answeredBy = new Map<string, string[]>();
    for (const note of notes) {
      for (const target of note.answers) {
        const list = answeredBy.get(target);
        if (list) list.push(note.id);
        else answeredBy.set(target, [note.id]);
      }
    }
    return {
      statuses: computeNoteStatuses(notes, replies),
      replies,
      repliesByNote: groupRepliesByNote(replies),
      answeredBy,
      notes,
    };
  }

  private readonly onChange = (): void => {
    this.snapshot = this.compute();
    this.summaries.clear();
    for (const listener of this.listeners) listener();
  };

  /** Only what a status depends on: notes added or removed, a lane or role changed, links. */
  private readonly onNotesChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    if (events.some(affectsTrace)) queueMicrotask(this.onChange);
  };
}

function affectsTrace(event: Y.YEvent<Y.AbstractType<unknown>>): boolean {
  // The notes map itself: a note added or removed.
  if (event.path.length === 0) return true;
  // Inside a note's `answers` map: a link made or taken back.
  if (event.path[1] === ANSWERS_FIELD) return true;
  // A note's own fields: its lane, its author's role, or its first link.
  if (event.path.length === 1) {
    const keys = (event as Y.YMapEvent<unknown>).keysChanged;
    return ['lane', 'authorRole', ANSWERS_FIELD, 'anonymous'].some((key) => keys.has(key));
  }
  return false;
}
