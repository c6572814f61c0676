import {
  LANE_HEADER_HEIGHT,
  LANE_IDS,
  LANE_WIDTH,
  type LaneId,
  laneLeft,
  lanePrompt,
  laneTitle,
  NOTE_WIDTH,
  type Note,
  type Translator,
} from '@costudio/shared';
import { type FocusEvent, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BoardEditor } from '../doc/BoardEditor.ts';
import type { NotesSnapshot } from '../doc/NotesStore.ts';
import { noteAuthor } from '../doc/noteLabels.ts';
import { useT } from '../i18n/useT.ts';
import { notesByLane } from '../laneList/notesByLane.ts';
import { noteKeyAction } from './noteKeys.ts';
import { nextNoteFocus } from './noteNavigation.ts';

interface NoteKeyboardOptions {
  snapshot: NotesSnapshot;
  editor: BoardEditor;
  readOnly: boolean;
  containerRef: RefObject<HTMLDivElement | null>;
  /** Scrolls the camera so a note-sized box at this board point is in view. */
  showNote(note: { x: number; y: number }): void;
  openEditor(id: string): void;
  /** The note as it is now (after a write, before React re-renders). */
  currentNote(id: string): Note | undefined;
  setFocusedLane(lane: LaneId): void;
}

export interface NoteKeyboard {
  /** The note with keyboard focus (drawn with a focus ring), if any. */
  focusedNote: Note | null;
  setFocusedNoteId(id: string | null): void;
  /** Handles a key pressed on the canvas surface; true when it was used. */
  handleKey(event: KeyboardEvent): boolean;
  /** For the canvas surface's onBlur: leaving the canvas lets go of the note. */
  onBlur(event: FocusEvent<HTMLDivElement>): void;
  /** Opens "Move to lane…" for a note, e.g. from the note editor's button. */
  openMoveMenu(id: string): void;
  /** Props for MoveNoteDialog. */
  moveDialog: { fromLane: LaneId | null; onMove(lane: LaneId): void; onClose(): void };
  /** What a screen reader should hear about the focused note, for a polite live region. */
  description: string;
}

/**
 * Keyboard use of the notes on the canvas: Tab and arrows move a focus ring from note to note
 * (the camera follows), Enter edits, M opens "Move to lane…" (the keyboard and single-pointer
 * alternative to dragging), Delete removes (undoable), Escape lets go.
 */
export function useNoteKeyboard({
  snapshot,
  editor,
  readOnly,
  containerRef,
  showNote,
  openEditor,
  currentNote,
  setFocusedLane,
}: NoteKeyboardOptions): NoteKeyboard {
  const t = useT();
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [moving, setMoving] = useState<Note | null>(null);
  const [notice, setNotice] = useState('');
  const movingRef = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: order depends on positions only, like the spatial index
  const lanes = useMemo(() => notesByLane(snapshot.byId.values()), [snapshot.geometryVersion]);
  const focusedNote = focusedId === null ? null : (snapshot.byId.get(focusedId) ?? null);

  useEffect(() => {
    // Someone else deleted the focused note: let go of it rather than ring a ghost.
    if (focusedId !== null && !snapshot.byId.has(focusedId)) setFocusedId(null);
  }, [focusedId, snapshot]);

  const setFocusedNoteId = useCallback((id: string | null) => {
    setFocusedId(id);
    setNotice('');
  }, []);

  const focusNote = useCallback(
    (id: string | null) => {
      setFocusedId(id);
      setNotice('');
      const note = id === null ? undefined : snapshot.byId.get(id);
      if (!note) return;
      setFocusedLane(note.lane);
      showNote(note);
    },
    [snapshot, setFocusedLane, showNote],
  );

  const handleKey = (event: KeyboardEvent): boolean => {
    const action = noteKeyAction(event, focusedNote !== null);
    if (!action) return false;
    if (action.type === 'lane') {
      const lane = LANE_IDS[action.index] as LaneId;
      setFocusedId(null);
      setFocusedLane(lane);
      showNote({ x: laneLeft(lane) + (LANE_WIDTH - NOTE_WIDTH) / 2, y: LANE_HEADER_HEIGHT });
      setNotice(t.t('canvas.laneNotice', { lane: laneTitle(t, lane), prompt: lanePrompt(t, lane) }));
      return true;
    }
    if (action.type === 'focus') {
      const next = nextNoteFocus(lanes, focusedNote?.id ?? null, action.direction);
      const isTab = event.key === 'Tab';
      // Tab past the last note (or Shift+Tab from the canvas itself) leaves the canvas as usual.
      if (next === null || (isTab && focusedNote === null && action.direction === 'previous')) {
        if (isTab) setFocusedId(null);
        return !isTab;
      }
      focusNote(next);
      return true;
    }
    if (!focusedNote) return false;
    if (action.type === 'leave') focusNote(null);
    else if (action.type === 'edit') openEditor(focusedNote.id);
    else if (readOnly) return true;
    else if (action.type === 'move-menu') {
      movingRef.current = true;
      setMoving(focusedNote);
    } else {
      const next = nextNoteFocus(lanes, focusedNote.id, 'next') ?? nextNoteFocus(lanes, focusedNote.id, 'previous') ?? null;
      editor.deleteNote(focusedNote.id);
      focusNote(next);
      setNotice(t.t('canvas.deleted'));
    }
    return true;
  };

  const moveDialog = {
    fromLane: moving?.lane ?? null,
    onMove(lane: LaneId) {
      if (!moving) return;
      editor.moveNote(moving.id, { lane });
      // The note is somewhere new: bring it into view.
      const moved = currentNote(moving.id);
      if (moved) showNote(moved);
      setMoving(null);
      setFocusedLane(lane);
      setNotice(t.t('announce.noteMoved', { lane: laneTitle(t, lane) }));
    },
    onClose() {
      movingRef.current = false;
      setMoving(null);
      // The dialog gives focus back to what opened it; if that is gone, to the canvas.
      if (!document.activeElement || document.activeElement === document.body) containerRef.current?.focus();
    },
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const to = event.relatedTarget as Node | null;
    if (movingRef.current || (to && event.currentTarget.contains(to))) return;
    setFocusedId(null);
  };

  return {
    focusedNote,
    setFocusedNoteId,
    openMoveMenu(id: string) {
      const note = currentNote(id);
      if (!note || readOnly) return;
      movingRef.current = true;
      setMoving(note);
    },
    handleKey,
    onBlur,
    moveDialog,
    description: notice || (focusedNote ? describe(focusedNote, lanes, t) : ''),
  };
}

function describe(note: Note, lanes: ReadonlyMap<LaneId, readonly Note[]>, t: Translator): string {
  const inLane = lanes.get(note.lane) ?? [];
  const position = inLane.findIndex((other) => other.id === note.id) + 1;
  const text = note.text.trim() === '' ? t.t('canvas.emptyText') : note.text;
  return t.t('canvas.describeNote', {
    lane: laneTitle(t, note.lane),
    position,
    count: inLane.length,
    author: noteAuthor(note, t),
    text,
  });
}
