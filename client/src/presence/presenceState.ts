import { isRole, MAX_AUTHOR_LENGTH, type Role } from '@costudio/shared';

/** What each person shares about themselves through Yjs awareness (never stored). */
export interface PresenceState {
  name: string;
  role: Role;
  /** CSS colour of the person's cursor. */
  color: string;
  /** Pointer position in board coordinates, or null when the pointer is off the board. */
  cursor: { x: number; y: number } | null;
  /** The note the person is editing, if any. */
  focusedNoteId: string | null;
}

export interface Peer extends PresenceState {
  clientId: number;
}

const COLOR_PATTERN = /^#[0-9a-f]{6}$/i;

/** Awareness comes from other browsers: validate it like any other input from the wire. */
export function readPresence(value: unknown): PresenceState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, role, color, cursor, focusedNoteId } = value as Record<string, unknown>;
  if (typeof name !== 'string' || !isRole(role)) return null;
  return {
    name: name.slice(0, MAX_AUTHOR_LENGTH),
    role,
    color: typeof color === 'string' && COLOR_PATTERN.test(color) ? color : '#444444',
    cursor: readPoint(cursor),
    focusedNoteId: typeof focusedNoteId === 'string' ? focusedNoteId : null,
  };
}

function readPoint(value: unknown): { x: number; y: number } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y } = value as Record<string, unknown>;
  return typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y) ? { x, y } : null;
}

/** Dark, distinct cursor colours that stay readable under white label text. */
const CURSOR_COLORS = ['#1f5fbf', '#b3261e', '#2e7d32', '#7b1fa2', '#c25e00', '#00796b', '#ad1457', '#4e5d00'];

export function cursorColorFor(clientId: number): string {
  return CURSOR_COLORS[clientId % CURSOR_COLORS.length] ?? '#1f5fbf';
}
