import {
  applyTextEdit,
  createAnonymousNote,
  createNote,
  deleteNote,
  getNotesMap,
  getNoteText,
  type LaneId,
  moveNote,
  type NewAnonymousNote,
  type NewNote,
  type NoteColor,
  type Role,
  recordNoteEdit,
  setNoteColor,
} from '@costudio/shared';
import * as Y from 'yjs';

/** A pause in typing longer than this ends an editing session of a note. */
const EDIT_SESSION_GAP_MS = 2 * 60_000;

/**
 * Every write this person makes to the board, through the shared typed ops, tagged with one
 * per-session origin. The UndoManager tracks only that origin, so Ctrl+Z undoes this person's
 * own changes and never someone else's.
 */
export class BoardEditor {
  /** Identity object passed as the transaction origin of every local write. */
  readonly origin = { source: 'costudio-local-session' };
  readonly undoManager: Y.UndoManager;
  private readOnly = false;
  /**
   * Lanes the facilitator locked (issue 7). The relay enforces them for participants
   * (server/src/facilitation/laneLockRule.ts undoes a refused edit); refusing here as well spares
   * the person an edit that would flash and vanish.
   */
  private lockedLanes: ReadonlySet<LaneId> = new Set();
  private readonly ownAnonymousNotes = new Set<string>();
  /** The editor's role now, for counting edits (docs/voting.md, `activity`). */
  private role: Role | null = null;
  private lastTextEdit: { id: string; at: number } | null = null;
  /** Notes created here whose first typing belongs to writing them, not to an edit. */
  private readonly freshNotes = new Set<string>();
  /** While private writing is on, where Add note leads instead of the board (issue 12, item 2). */
  private newNoteRedirect: ((lane: LaneId) => void) | null = null;

  private readonly undoKeptListeners = new Set<(noteId: string) => void>();
  /** Notes an undo in progress keeps (see keepOthersWriting), reported once it is done. */
  private keptByUndo = new Set<string>();
  /** This device's author secret: notes written here carry its proof (docs/privacy.md). */
  authorSecret: string | undefined;

  constructor(readonly doc: Y.Doc) {
    this.undoManager = new Y.UndoManager(getNotesMap(doc), {
      trackedOrigins: new Set([this.origin]),
      deleteFilter: this.keepOthersWriting,
    });
  }

  /**
   * Undoing the creation of a note would delete the whole note, with whatever a collaborator has
   * typed into it since (issue 12, item 9). So while undoing, a note that holds someone else's
   * live text is kept, with its fields; only what this person wrote into it is taken out, the
   * way undo treats everyone's text elsewhere. Redo puts this person's words back.
   */
  private readonly keepOthersWriting = (item: Y.Item): boolean => {
    const noteEntry = noteEntryOf(item, getNotesMap(this.doc));
    if (!noteEntry) return true;
    const note = (noteEntry.content as Y.ContentType).type as Y.Map<unknown>;
    const text = note.get('text');
    if (!(text instanceof Y.Text) || !hasOthersText(text, this.doc.clientID)) return true;
    // This person's own characters may go; the note and its fields stay.
    if (item.parent === text) return true;
    const key = noteEntry.parentSub;
    if (key !== null) this.keptByUndo.add(key);
    return false;
  };

  /** Called with a note's id when an undo kept it because someone else had written in it. */
  onUndoKeptNote(listener: (noteId: string) => void): () => void {
    this.undoKeptListeners.add(listener);
    return () => this.undoKeptListeners.delete(listener);
  }

  /** A board from a newer version of Costudio must not be changed by this one. */
  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
  }

  isReadOnly(): boolean {
    return this.readOnly;
  }

  setLockedLanes(lanes: ReadonlySet<LaneId>): void {
    this.lockedLanes = lanes;
  }

  isLaneLocked(lane: LaneId): boolean {
    return this.lockedLanes.has(lane);
  }

  /** A note in a locked lane cannot be changed, moved or deleted. */
  private noteLocked(id: string): boolean {
    if (this.lockedLanes.size === 0) return false;
    const lane = (getNotesMap(this.doc).get(id) as Y.Map<unknown> | undefined)?.get('lane');
    return this.lockedLanes.has(lane as LaneId);
  }

  setRole(role: Role): void {
    this.role = role;
  }

  /**
   * While set, every Add note (button, N, double-click, the list's) calls `redirect` with the
   * lane instead of posting a note everyone sees: during private writing a new note belongs in
   * the person's private room. Returns the function that ends the redirect.
   */
  redirectNewNotes(redirect: (lane: LaneId) => void): () => void {
    this.newNoteRedirect = redirect;
    return () => {
      if (this.newNoteRedirect === redirect) this.newNoteRedirect = null;
    };
  }

  /** True while Add note leads elsewhere (private writing is on for this person). */
  newNotesRedirected(): boolean {
    return this.newNoteRedirect !== null;
  }

  /** Null when refused (read-only, a locked lane) or led elsewhere (private writing). */
  addNote(input: NewNote): string | null {
    if (this.readOnly) return null;
    if (this.newNoteRedirect) {
      this.newNoteRedirect(input.lane);
      return null;
    }
    if (this.lockedLanes.has(input.lane)) return null;
    this.undoManager.stopCapturing();
    const id = createNote(this.doc, { authorSecret: this.authorSecret, ...input }, this.origin);
    this.freshNotes.add(id);
    return id;
  }

  /**
   * Posts a note with its role but without its author (createAnonymousNote). The text must come
   * with it: typing into the note afterwards would write this session's Yjs client id into it,
   * which links it to this person's named notes and dots (docs/voting.md, anonymity).
   */
  addAnonymousNote(input: NewAnonymousNote): string | null {
    // During private writing nothing new goes on the board; a private note would carry the name.
    if (this.readOnly || this.newNoteRedirect || this.lockedLanes.has(input.lane)) return null;
    this.undoManager.stopCapturing();
    const id = createAnonymousNote(this.doc, { authorSecret: this.authorSecret, ...input }, this.origin);
    this.ownAnonymousNotes.add(id);
    return id;
  }

  /** True for a note this session posted anonymously; its text is not editable from here. */
  isOwnAnonymousNote(id: string): boolean {
    return this.ownAnonymousNotes.has(id);
  }

  /**
   * False when the move was refused: read-only, from or into a locked lane, or this session's own
   * anonymous note (any write records this device's Yjs client id, which would tie the note to
   * the person's named notes).
   */
  moveNote(id: string, to: { lane: LaneId; x?: number; y?: number }): boolean {
    if (this.readOnly || this.ownAnonymousNotes.has(id) || this.noteLocked(id) || this.lockedLanes.has(to.lane)) return false;
    this.undoManager.stopCapturing();
    moveNote(this.doc, id, to, this.origin);
    return true;
  }

  setColor(id: string, color: NoteColor): void {
    if (this.readOnly || this.ownAnonymousNotes.has(id) || this.noteLocked(id)) return;
    this.undoManager.stopCapturing();
    setNoteColor(this.doc, id, color, this.origin);
  }

  deleteNote(id: string): void {
    if (this.readOnly || this.noteLocked(id)) return;
    this.undoManager.stopCapturing();
    deleteNote(this.doc, id, this.origin);
  }

  /** Applies what a text field now shows as the smallest edit, keeping others' characters. */
  editText(id: string, next: string): void {
    if (this.readOnly || this.ownAnonymousNotes.has(id) || this.noteLocked(id)) return;
    const text = getNoteText(this.doc, id);
    if (!text || text.toString() === next) return;
    applyTextEdit(text, next, this.origin);
    this.countEditSession(id);
  }

  /**
   * Counts one edit per editing session of a note (docs/voting.md): a session is a run of
   * changes to one note with no pause longer than EDIT_SESSION_GAP_MS and no other note edited
   * in between. Typing into a note just created here is writing it, which counts as a note.
   */
  private countEditSession(id: string, now = Date.now()): void {
    const previous = this.lastTextEdit;
    this.lastTextEdit = { id, at: now };
    if (previous && previous.id === id && now - previous.at < EDIT_SESSION_GAP_MS) return;
    if (this.freshNotes.delete(id)) return;
    if (this.role) recordNoteEdit(this.doc, id, this.role, this.origin);
  }

  undo(): void {
    if (this.readOnly) return;
    this.keptByUndo = new Set();
    this.undoManager.undo();
    const kept = this.keptByUndo;
    this.keptByUndo = new Set();
    for (const noteId of kept) for (const listener of this.undoKeptListeners) listener(noteId);
  }

  redo(): void {
    if (!this.readOnly) this.undoManager.redo();
  }

  destroy(): void {
    this.undoManager.destroy();
    this.undoKeptListeners.clear();
  }
}

/** The entry in the notes map (note id → note) that `item` is, or lies inside; null elsewhere. */
function noteEntryOf(item: Y.Item, notes: object): Y.Item | null {
  let current: Y.Item | null = item;
  while (current && current.parent !== notes) current = (current.parent as Y.AbstractType<unknown> | null)?._item ?? null;
  return current;
}

/** True when the text holds characters, not deleted, that another Yjs client wrote. */
function hasOthersText(text: Y.Text, ownClientId: number): boolean {
  for (let item = text._start; item; item = item.right) {
    if (!item.deleted && item.countable && item.id.client !== ownClientId) return true;
  }
  return false;
}
