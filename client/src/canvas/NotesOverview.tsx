import { NOTE_COLOR_FILL, NOTE_HEIGHT, NOTE_WIDTH, type Note, type NoteColor } from '@costudio/shared';
import { Shape } from './reactKonva.ts';
import { CANVAS_THEME, type CanvasTheme } from './theme.ts';

/**
 * Far-out zoom: every note in view drawn by one shape as plain rectangles, grouped by colour so
 * the canvas changes fill style six times, not once per note. At this size text is unreadable
 * anyway, and one shape instead of thousands keeps panning a 10,000-note board smooth.
 */
export function NotesOverview({ notes, theme = CANVAS_THEME }: { notes: readonly Note[]; theme?: CanvasTheme }) {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context) => {
        const byColor = new Map<NoteColor, Note[]>();
        for (const note of notes) {
          const group = byColor.get(note.color);
          if (group) group.push(note);
          else byColor.set(note.color, [note]);
        }
        const ctx = context._context;
        ctx.lineWidth = 1;
        ctx.strokeStyle = theme.noteStroke;
        for (const [color, group] of byColor) {
          ctx.fillStyle = NOTE_COLOR_FILL[color];
          ctx.beginPath();
          for (const note of group) ctx.rect(note.x, note.y, NOTE_WIDTH, NOTE_HEIGHT);
          ctx.fill();
          ctx.stroke();
        }
      }}
    />
  );
}
