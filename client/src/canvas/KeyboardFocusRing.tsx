import { NOTE_HEIGHT, NOTE_WIDTH } from '@costudio/shared';
import { Layer, Rect } from './reactKonva.ts';

const GAP = 5;

/**
 * The canvas's focus ring: the note that has keyboard focus gets a thick dark ring with a white
 * inner edge, readable on any note colour and lane fill, and the same width at every zoom.
 */
export function KeyboardFocusRing({ note }: { note: { x: number; y: number } | null }) {
  if (!note) return null;
  return (
    <Layer listening={false}>
      <Rect
        x={note.x - GAP}
        y={note.y - GAP}
        width={NOTE_WIDTH + GAP * 2}
        height={NOTE_HEIGHT + GAP * 2}
        stroke="#0b1f44"
        strokeWidth={5}
        strokeScaleEnabled={false}
        cornerRadius={7}
      />
      <Rect
        x={note.x - 1}
        y={note.y - 1}
        width={NOTE_WIDTH + 2}
        height={NOTE_HEIGHT + 2}
        stroke="#ffffff"
        strokeWidth={2}
        strokeScaleEnabled={false}
        cornerRadius={5}
      />
    </Layer>
  );
}
