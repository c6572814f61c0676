import {
  LANE_HEADER_HEIGHT,
  LANE_IDS,
  LANE_WIDTH,
  type LaneId,
  laneAtX,
  laneById,
  laneLeft,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  placeDot,
  takeBackDot,
} from '@costudio/shared';
import type Konva from 'konva';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Stage } from 'react-konva';
import { setDebugHook } from '../debug/debugHook.ts';
import type { Identity } from '../device/identity.ts';
import { useNotes } from '../doc/useNotes.ts';
import { useUndoState } from '../doc/useUndoState.ts';
import { MoveNoteDialog } from '../laneList/MoveNoteDialog.tsx';
import type { Peer } from '../presence/presenceState.ts';
import type { LocalPresence } from '../presence/useLocalPresence.ts';
import type { BoardSession } from '../session/BoardSession.ts';
import { useDeviceSettings } from '../settings/useDeviceSettings.ts';
import { AnonymousNoteButton } from '../voting/AnonymousNoteDialog.tsx';
import type { NoteMark } from '../whatsNew/useWhatsNew.ts';
import { BoardLayer } from './BoardLayer.tsx';
import { BOARD_WIDTH, boardBounds, dropPlacement, laneHeight, lowestNoteBottom, notePlacementAt } from './boardGeometry.ts';
import { CameraController } from './CameraController.ts';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { CursorsLayer } from './CursorsLayer.tsx';
import { screenToBoard, startingCamera, visibleRect } from './camera.ts';
import { type CanvasDotVoting, dotPlacedMessage, dotTakenBackMessage, useCanvasDots } from './canvasDots.ts';
import { canvasKeyAction } from './canvasKeys.ts';
import { KeyboardFocusRing } from './KeyboardFocusRing.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { NOTE_FONT_SIZE } from './NoteShape.tsx';
import { SpatialIndex } from './SpatialIndex.ts';
import { CANVAS_THEME, HIGH_CONTRAST_CANVAS_THEME } from './theme.ts';
import { useCanvasGestures } from './useCanvasGestures.ts';
import { useNoteKeyboard } from './useNoteKeyboard.ts';
import { useStageCamera } from './useStageCamera.ts';

interface BoardCanvasProps {
  session: BoardSession;
  identity: Identity;
  peers: Peer[];
  presence: LocalPresence;
  readOnly: boolean;
  /** Lanes the facilitator locked: their notes cannot be dragged (issue 7). */
  lockedLanes?: ReadonlySet<LaneId>;
  /** Hands out the camera, for following other people's views (issue 7). */
  onCamera?: (camera: CameraController | null) => void;
  /** Notes new or changed since this device's last visit, labelled on the canvas (issue 6). */
  noteMarks?: ReadonlyMap<string, NoteMark>;
  /** The open dot vote, if any: notes in its scope show their dots and a "+ dot" target (issue 5). */
  dotVoting?: CanvasDotVoting;
  /** Note text size in board units; the projector draws it larger, to read across a room. */
  noteFontSize?: number;
}

const NO_MARKS: ReadonlyMap<string, NoteMark> = new Map();

/** The board drawn on a Konva canvas: lanes, notes, other people's cursors, pan and zoom. */
export function BoardCanvas({
  session,
  identity,
  peers,
  presence,
  readOnly,
  lockedLanes,
  onCamera,
  noteMarks = NO_MARKS,
  dotVoting,
  noteFontSize = NOTE_FONT_SIZE,
}: BoardCanvasProps) {
  const { doc, editor } = session;
  const snapshot = useNotes(session.notes);
  const [camera] = useState(() => new CameraController());
  useEffect(() => {
    onCamera?.(camera);
    return () => onCamera?.(null);
  }, [camera, onCamera]);
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const boardLayerRef = useRef<Konva.Layer>(null);
  const motionLayers = useMemo(() => [boardLayerRef], []);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [editingId, setEditingId] = useState<string | null>(null);
  const [focusedLane, setFocusedLane] = useState<LaneId>(LANE_IDS[0]);
  const [canvasFocused, setCanvasFocused] = useState(false);
  const { canUndo, canRedo } = useUndoState(editor);
  const settings = useDeviceSettings();
  const theme = settings.highContrast ? HIGH_CONTRAST_CANVAS_THEME : CANVAS_THEME;
  // The canvas honours the text size setting by its zoom: everything drawn grows with the text,
  // so nothing is cut off, and the rest of the board is a pan away.
  const textScale = settings.textSize / 100;
  const textScaleRef = useRef(textScale);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let first = true;
    const observer = new ResizeObserver(() => {
      const next = { width: container.clientWidth, height: container.clientHeight };
      if (next.width === 0 || next.height === 0) return;
      setSize(next);
      camera.setViewport(next);
      if (first) {
        first = false;
        camera.set(startingCamera(next.width, BOARD_WIDTH, textScaleRef.current));
      }
    });
    observer.observe(container);
    return () => observer.disconnect();
  }, [camera]);

  useEffect(() => {
    const previous = textScaleRef.current;
    if (previous === textScale) return;
    textScaleRef.current = textScale;
    // Changed while the board is open: grow or shrink the view around its top-left corner.
    camera.zoomAt({ x: 0, y: 0 }, textScale / previous);
  }, [camera, textScale]);

  const { cull, boardLayerChanged } = useStageCamera(stageRef, camera, motionLayers, boardLayerRef, size);
  // The index depends on positions only, so text edits do not rebuild it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when geometryVersion changes, by design
  const index = useMemo(() => new SpatialIndex(snapshot.byId.values()), [snapshot.geometryVersion]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const height = useMemo(() => laneHeight(lowestNoteBottom(snapshot.byId.values())), [snapshot.geometryVersion]);
  const visibleNotes = useMemo(
    () => index.query(cull.rect).flatMap((id) => snapshot.byId.get(id) ?? []),
    [index, cull.rect, snapshot.byId],
  );
  const editingNote = editingId === null ? undefined : snapshot.byId.get(editingId);

  useEffect(() => {
    // Someone else deleted the note being edited: close the editor rather than edit a ghost.
    if (editingId !== null && !editingNote) setEditingId(null);
  }, [editingId, editingNote]);

  useEffect(() => presence.setFocusedNote(editingId), [presence, editingId]);

  // Peers change with every cursor move; keyed by its entries, the map (and the board layer
  // drawn from it) changes only when someone starts or stops editing a note.
  const otherEditorsKey = JSON.stringify(peers.flatMap((peer) => (peer.focusedNoteId ? [[peer.focusedNoteId, peer.color]] : [])));
  const otherEditors = useMemo(
    () => new Map<string, string>(JSON.parse(otherEditorsKey) as [string, string][]),
    [otherEditorsKey],
  );

  const showNote = useCallback(
    (note: { x: number; y: number }) => {
      const view = visibleRect(camera.get(), camera.getViewport());
      const inside =
        note.x >= view.x &&
        note.y >= view.y &&
        note.x + NOTE_WIDTH <= view.x + view.width &&
        note.y + NOTE_HEIGHT <= view.y + view.height;
      if (inside) return;
      const { scale } = camera.get();
      const viewport = camera.getViewport();
      camera.set({
        scale,
        x: viewport.width / 2 - (note.x + NOTE_WIDTH / 2) * scale,
        y: viewport.height / 2 - (note.y + NOTE_HEIGHT / 2) * scale,
      });
    },
    [camera],
  );

  const keyboard = useNoteKeyboard({
    snapshot,
    editor,
    readOnly,
    containerRef,
    showNote,
    openEditor: setEditingId,
    currentNote: (id) => session.notes.getSnapshot().byId.get(id),
    setFocusedLane,
  });
  const { setFocusedNoteId } = keyboard;

  const addNote = useCallback(
    (lane: LaneId, at?: { x: number; y: number }) => {
      const id = editor.addNote({ lane, author: identity.name, authorRole: identity.role, ...at });
      if (id === null) return;
      setFocusedLane(lane);
      setEditingId(id);
      setFocusedNoteId(id);
      const note = session.notes.getSnapshot().byId.get(id);
      if (note) showNote(note);
    },
    [editor, identity.name, identity.role, session.notes, showNote, setFocusedNoteId],
  );

  const goToLane = useCallback(
    (lane: LaneId) => {
      setFocusedLane(lane);
      const { scale, x } = camera.get();
      const viewport = camera.getViewport();
      const left = laneLeft(lane) * scale + x;
      const right = left + LANE_WIDTH * scale;
      const margin = Math.min(16, Math.max(0, (viewport.width - LANE_WIDTH * scale) / 2));
      // Move as little as needed: a lane already in view stays where it is.
      const dx =
        left < margin || LANE_WIDTH * scale > viewport.width ? margin - left : Math.min(0, viewport.width - margin - right);
      camera.set({ scale, x: x + dx, y: 16 });
    },
    [camera],
  );

  const fitBoard = useCallback(() => {
    camera.fit(boardBounds(session.notes.getSnapshot().byId.values(), height), 1);
  }, [camera, session.notes, height]);

  /** The lane at a screen point (relative to the canvas), unless a note is there. */
  const laneAtScreen = useCallback(
    (screen: { x: number; y: number }): { lane: LaneId; point: { x: number; y: number } } | null => {
      if (stageRef.current?.getIntersection(screen)?.findAncestor('.note', true)) return null;
      const point = screenToBoard(camera.get(), screen);
      const lane = laneAtX(point.x, LANE_IDS);
      return lane && point.y >= 0 && point.y <= height ? { lane, point } : null;
    },
    [camera, height],
  );

  const addNoteAtScreen = useCallback(
    (screen: { x: number; y: number }) => {
      const hit = laneAtScreen(screen);
      if (hit && !readOnly) addNote(hit.lane, notePlacementAt(hit.lane, hit.point, LANE_HEADER_HEIGHT));
    },
    [laneAtScreen, addNote, readOnly],
  );

  // Browsers follow taps with emulated mouse events, which Konva turns into a dblclick; touch
  // and pen double taps are detected by useCanvasGestures instead, so only a mouse counts here.
  const lastPointerType = useRef('mouse');

  const onStageDoubleClick = useCallback(
    (event: Konva.KonvaEventObject<MouseEvent>) => {
      if (lastPointerType.current !== 'mouse') return;
      const pointer = event.target.getStage()?.getPointerPosition();
      if (pointer && !event.target.findAncestor('.note', true)) addNoteAtScreen(pointer);
    },
    [addNoteAtScreen],
  );

  const onStagePointerDown = useCallback(
    (event: Konva.KonvaEventObject<PointerEvent>) => {
      lastPointerType.current = event.evt.pointerType;
      if (event.target.findAncestor('.note', true)) return;
      setEditingId(null);
      const pointer = event.target.getStage()?.getPointerPosition();
      const hit = pointer ? laneAtScreen(pointer) : null;
      if (hit) setFocusedLane(hit.lane);
    },
    [laneAtScreen],
  );

  const onOpen = useCallback(
    (id: string) => {
      setEditingId(id);
      setFocusedNoteId(id);
      const note = session.notes.getSnapshot().byId.get(id);
      if (note) setFocusedLane(note.lane);
    },
    [session.notes, setFocusedNoteId],
  );

  const onDragStart = useCallback((id: string) => {
    setEditingId((current) => (current === id ? null : current));
  }, []);

  const onDragEnd = useCallback(
    (id: string, node: Konva.Node) => {
      const placement = dropPlacement(node.x(), node.y(), LANE_HEADER_HEIGHT);
      // Set the node explicitly: if the doc ends up unchanged, React would not move it back.
      node.position({ x: placement.x, y: placement.y });
      if (!editor.moveNote(id, placement)) {
        // Refused (a locked lane): the note goes back where it was; the lock notice says why.
        const note = session.notes.getSnapshot().byId.get(id);
        if (note) node.position({ x: note.x, y: note.y });
        return;
      }
      setFocusedLane(placement.lane);
    },
    [editor, session.notes],
  );

  const noteDots = useCanvasDots(dotVoting, snapshot.byId);
  const [dotMessage, setDotMessage] = useState('');
  const onPlaceDot = useCallback(
    (id: string) => {
      const vote = noteDots.vote;
      if (!vote || !dotVoting) return;
      const result = placeDot(
        doc,
        { voteId: vote.id, participantId: dotVoting.participantId, role: dotVoting.role, noteId: id },
        editor.origin,
      );
      setDotMessage(dotPlacedMessage(result, vote.dotsPerPerson));
    },
    [doc, editor, noteDots.vote, dotVoting],
  );
  const onTakeBackDot = useCallback(
    (id: string) => {
      const vote = noteDots.vote;
      if (!vote || !dotVoting) return;
      const taken = takeBackDot(doc, { voteId: vote.id, participantId: dotVoting.participantId, noteId: id }, editor.origin);
      setDotMessage(dotTakenBackMessage(taken, doc, vote.id, dotVoting.participantId));
    },
    [doc, editor, noteDots.vote, dotVoting],
  );

  const onPointerBoard = useCallback((point: { x: number; y: number } | null) => presence.setCursor(point), [presence]);
  useCanvasGestures({ containerRef, stageRef, camera, onPointerBoard, onDoubleTap: addNoteAtScreen });

  useEffect(
    () =>
      setDebugHook({
        camera,
        noteFontSize,
        noteScreenRect(id) {
          const container = containerRef.current;
          if (!container) return null;
          const box = container.getBoundingClientRect();
          // Prefer the node actually drawn (it may be mid-drag); fall back to the doc's position.
          const node = stageRef.current?.findOne(`#note-${id}`);
          if (node) {
            const rect = node.getClientRect({ skipStroke: true });
            return { x: box.left + rect.x, y: box.top + rect.y, width: rect.width, height: rect.height };
          }
          const note = session.notes.getSnapshot().byId.get(id);
          if (!note) return null;
          const { x, y, scale } = camera.get();
          return {
            x: box.left + note.x * scale + x,
            y: box.top + note.y * scale + y,
            width: NOTE_WIDTH * scale,
            height: NOTE_HEIGHT * scale,
          };
        },
        drawnNoteIds() {
          return stageRef.current?.find('.note').map((node) => node.id().replace(/^note-/, '')) ?? [];
        },
        markedNoteIds() {
          const drawn = stageRef.current?.find('.note') ?? [];
          return drawn.filter((node) => node.getAttr('mark')).map((node) => node.id().replace(/^note-/, ''));
        },
        noteDots(id) {
          return stageRef.current?.findOne(`#note-${id}`)?.getAttr('dots') ?? null;
        },
      }),
    [camera, session.notes, noteFontSize],
  );

  const closeEditor = useCallback(() => {
    setEditingId(null);
    containerRef.current?.focus();
  }, []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (keyboard.handleKey(event.nativeEvent)) {
      event.preventDefault();
      return;
    }
    const action = canvasKeyAction(event.nativeEvent);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'pan') camera.panBy(action.dx, action.dy);
    else if (action.type === 'zoom') camera.zoomCentre(action.factor);
    else if (action.type === 'fit') fitBoard();
    else if (!readOnly) addNote(focusedLane);
  };

  const centreLane = (): LaneId => {
    const view = visibleRect(camera.get(), camera.getViewport());
    return laneAtX(view.x + view.width / 2, LANE_IDS) ?? focusedLane;
  };

  return (
    <div className="board-canvas">
      <CanvasToolbar
        targetLane={focusedLane}
        readOnly={readOnly}
        canUndo={canUndo}
        canRedo={canRedo}
        camera={camera}
        onAddNote={() => addNote(focusedLane)}
        onUndo={() => editor.undo()}
        onRedo={() => editor.redo()}
        onZoomIn={() => camera.zoomCentre(1.25)}
        onZoomOut={() => camera.zoomCentre(0.8)}
        onFit={fitBoard}
        onGoToLane={goToLane}
        addOther={<AnonymousNoteButton editor={editor} identity={identity} disabled={readOnly} />}
      />
      <div
        ref={containerRef}
        className="board-canvas__surface"
        role="application"
        aria-roledescription="board canvas"
        aria-label={`Board canvas. ${snapshot.byId.size} notes. Focused lane: ${laneById(focusedLane).title}.`}
        aria-describedby="canvas-keys-help"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the canvas takes keyboard focus for pan, zoom and adding notes
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          if (event.target === event.currentTarget) {
            setCanvasFocused(true);
            if (editingId === null) setFocusedLane((lane) => (lane === LANE_IDS[0] ? centreLane() : lane));
          }
        }}
        onBlur={(event) => {
          setCanvasFocused(false);
          keyboard.onBlur(event);
        }}
      >
        <p id="canvas-keys-help" className="visually-hidden">
          Tab and the arrow keys go from note to note. On a note: Enter edits it, M moves it to another lane, Delete removes it,
          Escape lets go. Keys 1 to 6 choose a lane, 1 is Define. The arrow keys move the view, plus and minus zoom, 0 fits the
          whole board, N adds a note to the focused lane.
        </p>
        <p className="visually-hidden" aria-live="polite" data-testid="canvas-dot-message">
          {dotMessage}
        </p>
        <p className="visually-hidden" aria-live="polite" data-testid="canvas-focus">
          {keyboard.description}
        </p>
        {size.width > 0 && (
          <Stage
            ref={stageRef}
            width={size.width}
            height={size.height}
            onDblClick={onStageDoubleClick}
            onPointerDown={onStagePointerDown}
          >
            <BoardLayer
              layerRef={boardLayerRef}
              laneHeight={height}
              focusedLane={canvasFocused || editingId !== null ? focusedLane : null}
              notes={visibleNotes}
              detailed={cull.detailed}
              editingId={editingId}
              otherEditors={otherEditors}
              readOnly={readOnly}
              noteMarks={noteMarks}
              noteDots={noteDots.byNote}
              onPlaceDot={noteDots.canVote ? onPlaceDot : null}
              onTakeBackDot={noteDots.canVote ? onTakeBackDot : null}
              lockedLanes={lockedLanes}
              theme={theme}
              noteFontSize={noteFontSize}
              onOpen={onOpen}
              onDragStart={onDragStart}
              onDragEnd={onDragEnd}
              onChange={boardLayerChanged}
            />
            <KeyboardFocusRing note={canvasFocused && editingId === null ? keyboard.focusedNote : null} />
            <CursorsLayer peers={peers} camera={camera} />
          </Stage>
        )}
        {editingNote && (
          <NoteEditor
            note={editingNote}
            doc={doc}
            editor={editor}
            camera={camera}
            readOnly={readOnly}
            onClose={closeEditor}
            onMove={() => keyboard.openMoveMenu(editingNote.id)}
          />
        )}
      </div>
      <MoveNoteDialog {...keyboard.moveDialog} />
    </div>
  );
}
