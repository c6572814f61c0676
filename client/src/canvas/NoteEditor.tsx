import {
  colorName,
  getNoteText,
  laneTitle,
  NOTE_COLOR_FILL,
  NOTE_COLORS,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  type Note,
  roleWord,
} from '@costudio/shared';
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import type * as Y from 'yjs';
import type { BoardEditor } from '../doc/BoardEditor.ts';
import { bindTextField } from '../doc/bindTextField.ts';
import { useT } from '../i18n/useT.ts';
import { NoteRepliesButton } from '../trace/NoteRepliesButton.tsx';
import type { CameraController } from './CameraController.ts';

interface NoteEditorProps {
  note: Note;
  doc: Y.Doc;
  editor: BoardEditor;
  camera: CameraController;
  readOnly: boolean;
  onClose(): void;
  /** Opens "Move to lane…": the single-pointer alternative to dragging the note (WCAG 2.5.7). */
  onMove(): void;
}

const PADDING = 10;
const FOOTER_HEIGHT = 30;

/**
 * A real <textarea> laid exactly over the note being edited (the canvas cannot host a text
 * caret), bound to the note's Y.Text, with the note's colour and delete actions beside it.
 */
export function NoteEditor({ note, doc, editor, camera, readOnly, onClose, onMove }: NoteEditorProps) {
  const t = useT();
  const frameRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const dismissRef = useRef<HTMLButtonElement>(null);
  const refusalId = useId();
  const { id, x, y } = note;
  // Editing would write this session's client id into the note and link it to its author.
  const refused = editor.isOwnAnonymousNote(id);

  useLayoutEffect(() => {
    const place = () => {
      const { scale, x: cx, y: cy } = camera.get();
      const left = x * scale + cx;
      const top = y * scale + cy;
      if (frameRef.current) frameRef.current.style.transform = `translate(${left}px, ${top}px) scale(${scale})`;
      const bar = barRef.current;
      if (bar) {
        // Kept inside the canvas, so a panel beside it never hides the note's actions (issue 12).
        const viewport = camera.getViewport();
        const barLeft = Math.max(4, Math.min(left, viewport.width - bar.offsetWidth - 4));
        const barTop = Math.max(4, Math.min(top - bar.offsetHeight - 8, viewport.height - bar.offsetHeight - 4));
        bar.style.transform = `translate(${barLeft}px, ${barTop}px)`;
      }
    };
    place();
    return camera.subscribe(place);
  }, [camera, x, y]);

  useEffect(() => {
    if (refused) {
      dismissRef.current?.focus();
      return;
    }
    const field = fieldRef.current;
    const text = getNoteText(doc, id);
    if (!field || !text) return;
    const unbind = bindTextField(field, text, (next) => editor.editText(id, next));
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
    return unbind;
  }, [doc, editor, id, refused]);

  if (refused) {
    // The note's text stays in view (the canvas hides it under an open editor) and the cover
    // keeps a second click of a double-click from reaching the canvas, which would add a note.
    return (
      <>
        <div ref={frameRef} className="note-editor" style={{ width: NOTE_WIDTH, height: NOTE_HEIGHT }}>
          <div
            className="note-editor__text note-refusal__text"
            style={{
              left: PADDING,
              top: PADDING,
              width: NOTE_WIDTH - PADDING * 2,
              height: NOTE_HEIGHT - PADDING - FOOTER_HEIGHT,
              background: NOTE_COLOR_FILL[note.color],
            }}
          >
            {note.text}
          </div>
        </div>
        <div ref={barRef} className="note-actions note-refusal">
          <p id={refusalId} className="note-refusal__message">
            {t.t('note.ownAnonymous')}
          </p>
          <button
            ref={dismissRef}
            type="button"
            aria-describedby={refusalId}
            onClick={onClose}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                onClose();
              }
            }}
          >
            {t.t('canvas.ok')}
          </button>
        </div>
      </>
    );
  }

  const by =
    note.anonymous || note.author === ''
      ? roleWord(t, note.authorRole, 'anonymousNameLower')
      : t.t('canvas.noteByNamed', { name: note.author, role: roleWord(t, note.authorRole, 'label') });
  return (
    <>
      <div ref={frameRef} className="note-editor" style={{ width: NOTE_WIDTH, height: NOTE_HEIGHT }}>
        <textarea
          ref={fieldRef}
          className="note-editor__text"
          aria-label={t.t('canvas.noteBy', { by, lane: laneTitle(t, note.lane) })}
          readOnly={readOnly}
          maxLength={2000}
          style={{
            left: PADDING,
            top: PADDING,
            width: NOTE_WIDTH - PADDING * 2,
            height: NOTE_HEIGHT - PADDING - FOOTER_HEIGHT,
            background: NOTE_COLOR_FILL[note.color],
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onClose();
            }
          }}
        />
      </div>
      <div ref={barRef} className="note-actions" role="toolbar" aria-label={t.t('canvas.noteActions')}>
        <fieldset className="note-actions__colors" disabled={readOnly}>
          <legend className="visually-hidden">{t.t('canvas.noteColour')}</legend>
          {NOTE_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className="note-actions__swatch"
              style={{ background: NOTE_COLOR_FILL[color] }}
              aria-label={colorName(t, color)}
              aria-pressed={note.color === color}
              title={colorName(t, color)}
              onClick={() => editor.setColor(id, color)}
            />
          ))}
        </fieldset>
        <NoteRepliesButton noteId={id} />
        <button type="button" disabled={readOnly} onClick={onMove}>
          {t.t('canvas.moveTo')}
        </button>
        <button
          type="button"
          disabled={readOnly}
          onClick={() => {
            editor.deleteNote(id);
            onClose();
          }}
        >
          {t.t('canvas.deleteNote')}
        </button>
        <button type="button" onClick={onClose}>
          {t.t('canvas.done')}
        </button>
      </div>
    </>
  );
}
