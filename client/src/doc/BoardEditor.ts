import {
  applyTextEdit,
  createNote,
  deleteNote,
  getNotesMap,
  getNoteText,
  type LaneId,
  moveNote,
  type NewNote,
  type NoteColor,
  setNoteColor,
} from '@costudio/shared';
import * as Y from 'yjs';

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

  constructor(readonly doc: Y.Doc) {
    this.undoManager = new Y.UndoManager(getNotesMap(doc), { trackedOrigins: new Set([this.origin]) });
  }

  /** A board from a newer version of Costudio must not be changed by this one. */
  setReadOnly(readOnly: boolean): void {
    this.readOnly = readOnly;
  }

  isReadOnly(): boolean {
    return this.readOnly;
  }

  addNote(input: NewNote): string | null {
    if (this.readOnly) return null;
    this.undoManager.stopCapturing();
    return createNote(this.doc, input, this.origin);
  }

  moveNote(id: string, to: { lane: LaneId; x?: number; y?: number }): void {
    if (this.readOnly) return;
    this.undoManager.stopCapturing();
    moveNote(this.doc, id, to, this.origin);
  }

  setColor(id: string, color: NoteColor): void {
    if (this.readOnly) return;
    this.undoManager.stopCapturing();
    setNoteColor(this.doc, id, color, this.origin);
  }

  deleteNote(id: string): void {
    if (this.readOnly) return;
    this.undoManager.stopCapturing();
    deleteNote(this.doc, id, this.origin);
  }

  /** Applies what a text field now shows as the smallest edit, keeping others' characters. */
  editText(id: string, next: string): void {
    if (this.readOnly) return;
    const text = getNoteText(this.doc, id);
    if (text) applyTextEdit(text, next, this.origin);
  }

  undo(): void {
    if (!this.readOnly) this.undoManager.undo();
  }

  redo(): void {
    if (!this.readOnly) this.undoManager.redo();
  }

  destroy(): void {
    this.undoManager.destroy();
  }
}
