import { colorName, getNoteText, NOTE_COLOR_FILL, NOTE_COLORS, type Note, type NoteColor } from '@costudio/shared';
import { memo, useEffect, useId, useRef } from 'react';
import type * as Y from 'yjs';
import type { BoardEditor } from '../doc/BoardEditor.ts';
import { bindTextField } from '../doc/bindTextField.ts';
import type { NotesStore } from '../doc/NotesStore.ts';
import { noteAuthor, noteFieldName } from '../doc/noteLabels.ts';
import { undoShortcut } from '../doc/undoShortcut.ts';
import { useNote } from '../doc/useNotes.ts';
import { useT } from '../i18n/useT.ts';
import { RoleIcon } from '../presence/RoleIcon.tsx';
import { NoteTraceLine } from '../trace/NoteTraceLine.tsx';

interface NoteItemProps {
  id: string;
  notes: NotesStore;
  doc: Y.Doc;
  editor: BoardEditor;
  readOnly: boolean;
  /** A view-only link: no buttons for what this person can never do, rather than greyed ones. */
  viewOnly: boolean;
  onMove(note: Note): void;
  onDelete(note: Note): void;
}

/** DOM ids, so the list can put focus back where the person was after a note moves. */
export const noteTextId = (id: string) => `lane-note-text-${id}`;
export const noteMoveId = (id: string) => `lane-note-move-${id}`;

/**
 * Renders of each note item since the page loaded, by note id: the debug hook exposes them so
 * a test can check that typing in one note leaves the others alone (issue 12).
 */
export const noteItemRenders = new Map<string, number>();

/**
 * One note in the lane list: its text in a real text field bound to the note's Y.Text (the
 * same binding as the canvas editor), who wrote it, and buttons for what dragging and the
 * canvas toolbar do. It follows its own note in the store, and its other props are stable, so
 * it re-renders when this note changes and not when another one does.
 */
export const NoteItem = memo(function NoteItem({ id, notes, doc, editor, readOnly, viewOnly, onMove, onDelete }: NoteItemProps) {
  const t = useT();
  const note = useNote(notes, id);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const colourId = useId();
  const noticeId = useId();
  noteItemRenders.set(id, (noteItemRenders.get(id) ?? 0) + 1);

  // Null while the board shows its first view (no document yet): the field then shows the
  // first view's text, read-only, and binds to the note's Y.Text once the document is in.
  const text = getNoteText(doc, id);
  const firstViewText = text ? null : (note?.text ?? '');
  useEffect(() => {
    const field = fieldRef.current;
    if (field && text) return bindTextField(field, text, (next) => editor.editText(id, next));
  }, [text, editor, id]);
  useEffect(() => {
    if (fieldRef.current && firstViewText !== null) fieldRef.current.value = firstViewText;
  }, [firstViewText]);

  // Gone from the store: the lane's list of ids drops it on the same change.
  if (!note) return null;
  // Editing would write this session's client id into the note and link it to its author.
  const ownAnonymous = editor.isOwnAnonymousNote(id);
  const fieldName = noteFieldName(note, t);
  return (
    <li className="lane-note" style={{ borderInlineStartColor: NOTE_COLOR_FILL[note.color] }}>
      <textarea
        ref={fieldRef}
        id={noteTextId(id)}
        className="lane-note__text"
        aria-label={fieldName}
        rows={3}
        maxLength={2000}
        readOnly={readOnly || ownAnonymous || !text}
        aria-describedby={ownAnonymous ? noticeId : undefined}
        style={{ background: NOTE_COLOR_FILL[note.color] }}
        onKeyDown={(event) => {
          // Undo in a note belongs to the board's history (only this person's changes), not the field's.
          const action = undoShortcut(event.nativeEvent);
          if (!action) return;
          event.preventDefault();
          if (action === 'undo') editor.undo();
          else editor.redo();
        }}
      />
      {ownAnonymous && (
        <p id={noticeId} className="lane-note__notice">
          {t.t('note.ownAnonymous')}
        </p>
      )}
      <p className="lane-note__author">
        <RoleIcon role={note.authorRole} /> {noteAuthor(note, t)}
      </p>
      <NoteTraceLine id={id} label={fieldName} />
      {!viewOnly && (
        <>
          {/* biome-ignore lint/a11y/useSemanticElements: a fieldset's legend box would crowd a small note */}
          <div className="lane-note__actions" role="group" aria-label={t.t('laneList.actions', { field: fieldName })}>
            <button type="button" id={noteMoveId(id)} disabled={readOnly} onClick={() => onMove(note)}>
              {t.t('laneList.moveTo')}
            </button>
            <span className="lane-note__colour">
              <label htmlFor={colourId}>{t.t('laneList.colour')}</label>
              <select
                id={colourId}
                value={note.color}
                disabled={readOnly}
                onChange={(event) => editor.setColor(id, event.target.value as NoteColor)}
              >
                {NOTE_COLORS.map((color) => (
                  <option key={color} value={color}>
                    {colorName(t, color)}
                  </option>
                ))}
              </select>
            </span>
            <button type="button" className="lane-note__delete" disabled={readOnly} onClick={() => onDelete(note)}>
              {t.t('laneList.delete')}
            </button>
          </div>
        </>
      )}
    </li>
  );
});
