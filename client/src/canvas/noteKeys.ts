import type { NoteDirection } from './noteNavigation.ts';

/** What a key asks for while a note has keyboard focus on the canvas. */
export type NoteKeyAction =
  | { type: 'focus'; direction: NoteDirection }
  | { type: 'edit' }
  | { type: 'move-menu' }
  | { type: 'delete' }
  | { type: 'leave' }
  /** Keys 1 to 6 pick a lane by its place (1 is Define), so N can add a note to any lane. */
  | { type: 'lane'; index: number };

const ARROWS: Readonly<Record<string, NoteDirection>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/**
 * Keys for the note in keyboard focus: arrows and Tab move between notes, Enter edits, M opens
 * "Move to lane…", Delete or Backspace removes, Escape lets go of the note (then arrows pan and
 * Tab leaves the canvas). Tab with no note in focus picks the first one (see BoardCanvas).
 */
export function noteKeyAction(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  noteFocused: boolean,
): NoteKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Tab') return { type: 'focus', direction: event.shiftKey ? 'previous' : 'next' };
  if (/^[1-6]$/.test(event.key)) return { type: 'lane', index: Number(event.key) - 1 };
  if (!noteFocused) return null;
  const arrow = ARROWS[event.key];
  if (arrow) return { type: 'focus', direction: arrow };
  switch (event.key) {
    case 'Enter':
    case 'F2':
      return { type: 'edit' };
    case 'm':
    case 'M':
      return { type: 'move-menu' };
    case 'Delete':
    case 'Backspace':
      return { type: 'delete' };
    case 'Escape':
      return { type: 'leave' };
    default:
      return null;
  }
}
