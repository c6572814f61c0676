import { laneTitle, statusMeaning } from '@costudio/shared';
import { useEffect, useId, useRef } from 'react';
import { noteAuthor, noteLabel } from '../doc/noteLabels.ts';
import { useNote } from '../doc/useNotes.ts';
import { useT } from '../i18n/useT.ts';
import { RoleIcon } from '../presence/RoleIcon.tsx';
import { StatusChip } from '../trace/StatusChip.tsx';
import { useNoteTrace } from '../trace/useTraceStore.ts';
import { AnswersPicker } from './AnswersPicker.tsx';
import type { PanelEnv } from './PanelEnv.ts';
import { ReplyForm } from './ReplyForm.tsx';
import { ReplyThread } from './ReplyThread.tsx';
import { TraceLists } from './TraceLists.tsx';
import './replies.css';

interface NotePanelProps {
  env: PanelEnv;
  /** The note whose panel is open, or null when it is closed. */
  noteId: string | null;
  onClose(): void;
  /** Shows another note's panel in place (from the trace lists). */
  onShowNote(noteId: string): void;
  /** Closes the panel and takes the person to the note on the board. */
  onJump(noteId: string): void;
}

/**
 * "Replies and links" of one note, as a modal dialog that works the same from the canvas and
 * the list, by mouse, touch, keyboard and screen reader: the note and its status, its replies
 * and a reply box, the earlier notes it answers (picked from a list, never by dragging), and
 * its trace both ways.
 */
export function NotePanel({ env, noteId, onClose, onShowNote, onJump }: NotePanelProps) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const note = useNote(env.session.notes, noteId ?? '');
  const open = noteId !== null && note !== undefined;
  const { status } = useNoteTrace(env.trace, noteId ?? '');

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // A new note shown in place: start reading from its heading.
  useEffect(() => {
    if (noteId) headingRef.current?.focus();
  }, [noteId]);

  return (
    <dialog ref={dialogRef} aria-labelledby={headingId} className="note-panel" onClose={onClose} data-testid="note-panel">
      {note && (
        <>
          <div className="note-panel__top">
            <h2 id={headingId} ref={headingRef} tabIndex={-1}>
              {t.t('trace.panel.title')}
            </h2>
            <button type="button" onClick={() => dialogRef.current?.close()}>
              {t.t('trace.panel.close')}
            </button>
          </div>
          <figure className="note-panel__note">
            <blockquote className="note-panel__text">{note.text.trim() === '' ? t.t('note.empty') : note.text}</blockquote>
            <figcaption>
              <RoleIcon role={note.authorRole} />{' '}
              {t.t('trace.panel.byline', { author: noteAuthor(note, t), lane: laneTitle(t, note.lane) })}
            </figcaption>
            <p className="note-panel__status">
              <StatusChip status={status} /> {statusMeaning(t, status)}
            </p>
          </figure>
          <ReplyThread env={env} note={note} />
          {/* Keyed by note: a half-written reply or a search never carries over to another note. */}
          <ReplyForm key={`reply-${note.id}`} env={env} note={note} />
          <AnswersPicker key={`answers-${note.id}`} env={env} note={note} />
          <TraceLists env={env} note={note} onShowNote={onShowNote} onJump={onJump} />
          <p className="visually-hidden">{t.t('trace.panel.end', { note: noteLabel(note.text, 60, t) })}</p>
        </>
      )}
    </dialog>
  );
}
