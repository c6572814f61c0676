import { LANE_HEADER_HEIGHT, LANE_IDS, type LaneId, laneAtX, laneTitle } from '@costudio/shared';
import type Konva from 'konva';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { boardAccess } from '../device/boardTokens.ts';
import type { Identity } from '../device/identity.ts';
import { useFirstViewDrawn, useNotes } from '../doc/useNotes.ts';
import { useUndoState } from '../doc/useUndoState.ts';
import { useT } from '../i18n/useT.ts';
import { MoveNoteDialog } from '../laneList/MoveNoteDialog.tsx';
import type { Peer } from '../presence/presenceState.ts';
import type { LocalPresence } from '../presence/useLocalPresence.ts';
import type { BoardSession } from '../session/BoardSession.ts';
import { useDeviceSettings } from '../settings/useDeviceSettings.ts';
import { useNoteTraceApi } from '../trace/TraceContext.ts';
import { AnonymousNoteButton } from '../voting/AnonymousNoteDialog.tsx';
import type { NoteMark } from '../whatsNew/useWhatsNew.ts';
import { BoardLayer } from './BoardLayer.tsx';
import { boardBounds, laneHeight, lowestNoteBottom, notePlacementAt } from './boardGeometry.ts';
import { CameraController } from './CameraController.ts';
import { CanvasToolbar } from './CanvasToolbar.tsx';
import { CursorsLayer } from './CursorsLayer.tsx';
import { screenToBoard, visibleRect } from './camera.ts';
import { goToLane as bringLaneIntoView, showNote as bringNoteIntoView, goToNote } from './cameraMoves.ts';
import { type CanvasDotVoting, useCanvasDots } from './canvasDots.ts';
import { canvasKeyAction } from './canvasKeys.ts';
import { KeyboardFocusRing } from './KeyboardFocusRing.tsx';
import { type LaneHeaderStyle, STANDARD_LANE_HEADER } from './Lanes.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { BYLINE_FONT_SIZE, NOTE_FONT_SIZE } from './NoteShape.tsx';
import { Stage } from './reactKonva.ts';
import { SpatialIndex } from './SpatialIndex.ts';
import { CANVAS_THEME, HIGH_CONTRAST_CANVAS_THEME } from './theme.ts';
import { useCanvasDebugHook } from './useCanvasDebugHook.ts';
import { useCanvasGestures } from './useCanvasGestures.ts';
import { useCanvasViewport } from './useCanvasViewport.ts';
import { useDotActions } from './useDotActions.ts';
import { useNoteDrag } from './useNoteDrag.ts';
import { useNoteKeyboard } from './useNoteKeyboard.ts';
import { useNoteTraceLabels } from './useNoteTraceLabels.ts';
import { useStageCamera } from './useStageCamera.ts';
import { useWarmAfter } from './useWarmAfter.ts';

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
  /** Byline text size in board units; the projector's is larger. */
  bylineFontSize?: number;
  /** The lanes' header band; the projector's is taller, with larger type. */
  laneHeader?: LaneHeaderStyle;
  /** Lanes are drawn at least this tall (board units): the projector fills its screen. */
  minLaneHeight?: number;
  /** Whether other people's pointers carry their name (not on the projector). */
  cursorLabels?: boolean;
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
  bylineFontSize = BYLINE_FONT_SIZE,
  laneHeader = STANDARD_LANE_HEADER,
  minLaneHeight = 0,
  cursorLabels = true,
}: BoardCanvasProps) {
  const { doc, editor } = session;
  const t = useT();
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
  const [editingId, setEditingId] = useState<string | null>(null);
  const [focusedLane, setFocusedLane] = useState<LaneId>(LANE_IDS[0]);
  const [canvasFocused, setCanvasFocused] = useState(false);
  const { canUndo, canRedo } = useUndoState(editor);
  const settings = useDeviceSettings();
  const theme = settings.highContrast ? HIGH_CONTRAST_CANVAS_THEME : CANVAS_THEME;
  const size = useCanvasViewport(containerRef, camera, settings.textSize / 100);

  const { cull, boardLayerChanged } = useStageCamera(stageRef, camera, motionLayers, boardLayerRef, size);
  // The index depends on positions only, so text edits do not rebuild it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when geometryVersion changes, by design
  const index = useMemo(() => new SpatialIndex(snapshot.byId.values()), [snapshot.geometryVersion]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const contentHeight = useMemo(() => laneHeight(lowestNoteBottom(snapshot.byId.values())), [snapshot.geometryVersion]);
  const height = Math.max(contentHeight, minLaneHeight);
  const warm = useWarmAfter(snapshot.byId.size > 0);
  const visibleNotes = useMemo(
    () =>
      index
        .query(warm ? cull.rect : visibleRect(camera.get(), camera.getViewport()))
        .flatMap((id) => snapshot.byId.get(id) ?? []),
    [index, cull.rect, warm, camera, snapshot.byId],
  );
  useFirstViewDrawn(session.notes, visibleNotes.length);
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

  const showNote = useCallback((note: { x: number; y: number }) => bringNoteIntoView(camera, note), [camera]);

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
      bringLaneIntoView(camera, lane);
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

  const noteTrace = useNoteTraceLabels(session.notes);
  const notePanel = useNoteTraceApi();
  // "Go to" a note from its trace (issue 16): open it here, in view under its lane's header.
  useEffect(
    () =>
      notePanel?.registerJump((id) => {
        const note = session.notes.getSnapshot().byId.get(id);
        if (!note) return;
        onOpen(id);
        goToNote(camera, note);
      }),
    [notePanel, session.notes, onOpen, camera],
  );
  const focusedTrace = keyboard.focusedNote ? noteTrace?.get(keyboard.focusedNote.id) : undefined;

  const { onDragStart, onDragEnd } = useNoteDrag(editor, session.notes, setEditingId, setFocusedLane);

  const noteDots = useCanvasDots(dotVoting, snapshot.byId);
  const dots = useDotActions(doc, editor, noteDots, dotVoting);

  const onPointerBoard = useCallback((point: { x: number; y: number } | null) => presence.setCursor(point), [presence]);
  useCanvasGestures({ containerRef, stageRef, camera, onPointerBoard, onDoubleTap: addNoteAtScreen });

  useCanvasDebugHook(camera, containerRef, stageRef, session.notes, {
    noteFontSize,
    bylineFontSize,
    promptFontSize: laneHeader.promptSize,
  });

  const closeEditor = useCallback(() => {
    // Back onto the note, even when focus left the canvas meanwhile (its replies and links panel).
    if (editingId !== null) setFocusedNoteId(editingId);
    setEditingId(null);
    containerRef.current?.focus();
  }, [editingId, setFocusedNoteId]);

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
        viewOnly={boardAccess(session.boardId) === 'view'}
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
        aria-roledescription={t.t('canvas.roleDescription')}
        aria-label={t.t('canvas.label', { count: snapshot.byId.size, lane: laneTitle(t, focusedLane) })}
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
          {t.t('canvas.keysHelp')}
        </p>
        <p className="visually-hidden" aria-live="polite" data-testid="canvas-dot-message">
          {dots.message}
        </p>
        <p className="visually-hidden" aria-live="polite" data-testid="canvas-focus">
          {keyboard.description}
          {focusedTrace && !keyboard.description.startsWith('Note ')
            ? `. ${t.t('trace.canvas.status', { line: focusedTrace.full })}`
            : ''}
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
              onPlaceDot={noteDots.canVote ? dots.onPlaceDot : null}
              onTakeBackDot={noteDots.canVote ? dots.onTakeBackDot : null}
              lockedLanes={lockedLanes}
              theme={theme}
              noteFontSize={noteFontSize}
              bylineFontSize={bylineFontSize}
              laneHeader={laneHeader}
              noteTrace={noteTrace}
              onOpen={onOpen}
              onDragStart={onDragStart}
              onDragEnd={onDragEnd}
              onChange={boardLayerChanged}
            />
            <KeyboardFocusRing note={canvasFocused && editingId === null ? keyboard.focusedNote : null} />
            <CursorsLayer peers={peers} camera={camera} notes={index} headerTop={laneHeader.top} labels={cursorLabels} />
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
