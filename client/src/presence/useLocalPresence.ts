import { useEffect, useMemo } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { Identity } from '../device/identity.ts';
import { cursorColorFor } from './presenceState.ts';

/** Cursor moves are sent at most this often; enough to look live, light on the relay. */
const CURSOR_THROTTLE_MS = 50;

export interface LocalPresence {
  setCursor(point: { x: number; y: number } | null): void;
  setFocusedNote(id: string | null): void;
}

/** Publishes who this person is, where their pointer is and which note they are editing. */
export function useLocalPresence(awareness: Awareness, identity: Identity): LocalPresence {
  const { name, role } = identity;
  useEffect(() => {
    awareness.setLocalStateField('name', name);
    awareness.setLocalStateField('role', role);
    awareness.setLocalStateField('color', cursorColorFor(awareness.clientID));
  }, [awareness, name, role]);

  return useMemo(() => {
    let pending: { x: number; y: number } | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      awareness.setLocalStateField('cursor', pending);
    };
    return {
      setCursor(point) {
        pending = point ? { x: Math.round(point.x), y: Math.round(point.y) } : null;
        if (point === null) {
          if (timer) clearTimeout(timer);
          flush();
        } else if (!timer) {
          timer = setTimeout(flush, CURSOR_THROTTLE_MS);
        }
      },
      setFocusedNote(id) {
        if (awareness.getLocalState()?.focusedNoteId !== id) awareness.setLocalStateField('focusedNoteId', id);
      },
    };
  }, [awareness]);
}
