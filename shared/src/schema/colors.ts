/**
 * Note colours are stored by name, never as raw CSS, so a document cannot inject styles and a
 * high-contrast theme can map each name to its own colour. Colour never carries meaning alone.
 */
export const NOTE_COLORS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const;

export type NoteColor = (typeof NOTE_COLORS)[number];

export const DEFAULT_NOTE_COLOR: NoteColor = 'yellow';

/** Fill colours for the default theme; all pass 4.5:1 contrast against black text. */
export const NOTE_COLOR_FILL: Readonly<Record<NoteColor, string>> = {
  yellow: '#fff3a3',
  pink: '#ffd1e3',
  blue: '#cfe6ff',
  green: '#d4f5cf',
  orange: '#ffdcb8',
  purple: '#e6d9ff',
};

export function isNoteColor(value: unknown): value is NoteColor {
  return typeof value === 'string' && (NOTE_COLORS as readonly string[]).includes(value);
}
