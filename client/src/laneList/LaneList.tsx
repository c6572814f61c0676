import { LANES, type Lane, type LaneId, laneTitle, type Note } from '@costudio/shared';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Announcer } from '../announce/Announcer.ts';
import { setDebugHook } from '../debug/debugHook.ts';
import { boardAccess } from '../device/boardTokens.ts';
import type { Identity } from '../device/identity.ts';
import { useFirstViewDrawn, useNotesGeometry } from '../doc/useNotes.ts';
import { useUndoState } from '../doc/useUndoState.ts';
import { useT } from '../i18n/useT.ts';
import type { BoardSession } from '../session/BoardSession.ts';
import { useNoteTraceApi } from '../trace/TraceContext.ts';
import { AnonymousNoteButton } from '../voting/AnonymousNoteDialog.tsx';
import './laneList.css';
import { LaneSection, laneAddId } from './LaneSection.tsx';
import { MoveNoteDialog } from './MoveNoteDialog.tsx';
import { noteItemRenders, noteMoveId, noteTextId } from './NoteItem.tsx';
import { noteIdsByLane } from './notesByLane.ts';

interface LaneListProps {
  session: BoardSession;
  identity: Identity;
  readOnly: boolean;
  announcer: Announcer;
}

/**
 * The board as a list: an equal view of the same live Y.Doc as the canvas, made of headings,
 * text fields and buttons, so it works with a keyboard, a screen reader, a phone and at any
 * text size. Writes go through the same BoardEditor, so undo covers both views.
 *
 * Typing must stay quick on an old phone with thousands of notes (issue 12): the list itself
 * re-renders only when a note is added, moved or removed, each lane only when its own notes do,
 * and each note item follows its own note, so a keystroke re-renders one note item.
 */
export const LaneList = memo(function LaneList({ session, identity, readOnly, announcer }: LaneListProps) {
  const t = useT();
  const { doc, editor, notes } = session;
  const geometry = useNotesGeometry(notes);
  const previousLanes = useRef<ReadonlyMap<LaneId, readonly string[]>>(undefined);
  const lanes = useMemo(() => noteIdsByLane(geometry.byId.values(), previousLanes.current), [geometry]);
  useEffect(() => {
    previousLanes.current = lanes;
  }, [lanes]);
  useFirstViewDrawn(notes, geometry.byId.size);
  useEffect(() => setDebugHook({ listNoteRenders: () => Object.fromEntries(noteItemRenders) }), []);
  const { canUndo, canRedo } = useUndoState(editor);
  // Someone on a view-only link can never write: no greyed-out buttons for it (a lock greys them).
  const viewOnly = boardAccess(session.boardId) === 'view';
  const [moving, setMoving] = useState<Note | null>(null);
  const notePanel = useNoteTraceApi();
  // "Go to" a note from its trace (issue 16): its text field, in view.
  useEffect(() => notePanel?.registerJump((id) => document.getElementById(noteTextId(id))?.focus()), [notePanel]);
  // The element to focus once the notes have re-rendered (a new, moved or deleted note).
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    if (pendingFocus.current === null) return;
    const element = document.getElementById(pendingFocus.current);
    if (!element) return;
    pendingFocus.current = null;
    element.focus();
  });

  // Stable callbacks, so that the memoised lanes and notes are not re-rendered for them.
  const add = useCallback(
    (lane: Lane) => {
      const id = editor.addNote({ lane: lane.id, author: identity.name, authorRole: identity.role });
      if (id) pendingFocus.current = noteTextId(id);
    },
    [editor, identity.name, identity.role],
  );

  const move = (note: Note, lane: LaneId) => {
    editor.moveNote(note.id, { lane });
    pendingFocus.current = noteMoveId(note.id);
    setMoving(null);
    announcer.say(t.t('announce.noteMoved', { lane: laneTitle(t, lane) }));
  };

  const remove = useCallback(
    (note: Note) => {
      editor.deleteNote(note.id);
      pendingFocus.current = laneAddId(note.lane);
      announcer.say(t.t('announce.noteDeleted'));
    },
    [editor, announcer, t],
  );

  return (
    <div className="lane-list">
      <div className="lane-list__tools">
        <p className="lane-list__intro">{t.t('laneList.intro')}</p>
        {!viewOnly && (
          <>
            <AnonymousNoteButton editor={editor} identity={identity} disabled={readOnly} />
            <button
              type="button"
              disabled={readOnly || !canUndo}
              onClick={() => editor.undo()}
              aria-keyshortcuts="Control+Z Meta+Z"
            >
              {t.t('laneList.undo')}
            </button>
            <button
              type="button"
              disabled={readOnly || !canRedo}
              onClick={() => editor.redo()}
              aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
            >
              {t.t('laneList.redo')}
            </button>
          </>
        )}
      </div>
      <div className="lane-list__lanes">
        {LANES.map((lane) => (
          <LaneSection
            key={lane.id}
            lane={lane}
            noteIds={lanes.get(lane.id) ?? NO_NOTES}
            notes={notes}
            doc={doc}
            editor={editor}
            readOnly={readOnly}
            viewOnly={viewOnly}
            onAdd={add}
            onMove={setMoving}
            onDelete={remove}
          />
        ))}
      </div>
      <MoveNoteDialog
        fromLane={moving?.lane ?? null}
        onMove={(lane) => moving && move(moving, lane)}
        onClose={() => setMoving(null)}
      />
    </div>
  );
});

const NO_NOTES: readonly string[] = [];
