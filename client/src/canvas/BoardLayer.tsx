import type { LaneId, Note } from '@costudio/shared';
import type Konva from 'konva';
import { memo, type RefObject, useLayoutEffect } from 'react';
import type { NoteMark } from '../whatsNew/useWhatsNew.ts';
import type { NoteDots } from './canvasDots.ts';
import { type LaneHeaderStyle, Lanes } from './Lanes.tsx';
import { NoteShape } from './NoteShape.tsx';
import { NotesOverview } from './NotesOverview.tsx';
import { Layer } from './reactKonva.ts';
import type { CanvasTheme } from './theme.ts';
import type { NoteTraceLabel } from './useNoteTraceLabels.ts';

interface BoardLayerProps {
  layerRef: RefObject<Konva.Layer | null>;
  laneHeight: number;
  focusedLane: LaneId | null;
  /** The notes in the cull window. */
  notes: readonly Note[];
  /** Full notes with text, or plain shapes when zoomed far out. */
  detailed: boolean;
  editingId: string | null;
  /** Cursor colour of each note someone else is editing. */
  otherEditors: ReadonlyMap<string, string>;
  readOnly: boolean;
  /** Notes new or changed since this device's last visit (issue 6). */
  noteMarks: ReadonlyMap<string, NoteMark>;
  /** Dots of the notes in the open vote's scope (issue 5). */
  noteDots: ReadonlyMap<string, NoteDots>;
  /** Places one of this person's dots on a note; null when they cannot vote. */
  onPlaceDot: ((id: string) => void) | null;
  onTakeBackDot: ((id: string) => void) | null;
  lockedLanes: ReadonlySet<LaneId> | undefined;
  theme: CanvasTheme;
  onOpen(id: string): void;
  onDragStart(id: string): void;
  onDragEnd(id: string, node: Konva.Node): void;
  /** Note text size in board units (NoteShape's NOTE_FONT_SIZE unless the projector enlarges it). */
  noteFontSize?: number;
  /** Byline text size in board units (NoteShape's BYLINE_FONT_SIZE unless the projector enlarges it). */
  bylineFontSize?: number;
  laneHeader?: LaneHeaderStyle;
  /** Each note's status and counts (issue 16), drawn where tagged; null where the board has no trace. */
  noteTrace?: ReadonlyMap<string, NoteTraceLabel> | null;
  /** Called after every render that changed what the layer draws. */
  onChange(): void;
}

/**
 * The lanes and notes, on one layer: every layer is a full-size canvas that is cleared,
 * rasterised and composited on each frame of a pan or zoom. Memoised, so it renders (and
 * reports a change) only when something it draws has changed.
 */
export const BoardLayer = memo(function BoardLayer({
  layerRef,
  laneHeight,
  focusedLane,
  notes,
  detailed,
  editingId,
  otherEditors,
  readOnly,
  noteMarks,
  noteDots,
  onPlaceDot,
  onTakeBackDot,
  lockedLanes,
  theme,
  noteFontSize,
  bylineFontSize,
  laneHeader,
  noteTrace,
  onOpen,
  onDragStart,
  onDragEnd,
  onChange,
}: BoardLayerProps) {
  // No dependencies: memo already limits renders to real changes, and each one must be reported.
  useLayoutEffect(() => onChange());
  return (
    <Layer ref={layerRef}>
      <Lanes height={laneHeight} focusedLane={focusedLane} theme={theme} header={laneHeader} />
      {detailed ? (
        notes.map((note) => {
          const trace = noteTrace?.get(note.id);
          return (
            <NoteShape
              key={note.id}
              note={note}
              selected={note.id === editingId}
              editing={note.id === editingId}
              otherEditorColor={otherEditors.get(note.id) ?? null}
              mark={noteMarks.get(note.id) ?? null}
              inVote={noteDots.has(note.id)}
              myDots={noteDots.get(note.id)?.mine ?? null}
              totalDots={noteDots.get(note.id)?.total ?? null}
              onPlaceDot={noteDots.get(note.id)?.canAdd ? onPlaceDot : null}
              onTakeBackDot={(noteDots.get(note.id)?.mine ?? 0) > 0 ? onTakeBackDot : null}
              draggable={!readOnly && !lockedLanes?.has(note.lane)}
              onOpen={onOpen}
              onDragStart={onDragStart}
              onDragEnd={onDragEnd}
              theme={theme}
              fontSize={noteFontSize}
              bylineFontSize={bylineFontSize}
              trace={trace?.tagged ? trace : null}
            />
          );
        })
      ) : (
        <NotesOverview notes={notes} theme={theme} />
      )}
    </Layer>
  );
});
