import type { Note } from '@costudio/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BoardSession } from '../session/BoardSession.ts';
import { changesSince, readVisit, recordOf, writeVisit } from './visitRecord.ts';

export interface WhatsNew {
  /** Notes added, changed or moved since this device's last visit, in board order. */
  readonly changed: readonly string[];
  /** The part of `changed` that did not exist at the last visit. */
  readonly added: readonly string[];
  readonly removed: number;
}

/** How a note is marked on the canvas: its label says which, so the mark never relies on colour. */
export type NoteMark = 'new' | 'changed';

export interface WhatsNewState {
  /** Null until the first sync, and once dismissed. */
  readonly news: WhatsNew | null;
  /** Marks of the notes in `news`, empty once dismissed: what the canvas draws on each note. */
  readonly marks: ReadonlyMap<string, NoteMark>;
  /** "Dismiss": the bar, the list outlines and the canvas marks all go. */
  dismiss(): void;
}

const SAVE_DELAY_MS = 1000;
const NO_MARKS: ReadonlyMap<string, NoteMark> = new Map();

function ordered(notes: Iterable<Note>): Note[] {
  return [...notes].sort((a, b) => a.x - b.x || a.y - b.y);
}

/**
 * Compares the board, once it has synced with the relay, with what this device saw last time
 * (localStorage), then keeps that record up to date while the board is open: whatever someone
 * sees live is not news on their next visit. A first visit has no news.
 */
export function useWhatsNew(session: BoardSession): WhatsNewState {
  const [news, setNews] = useState<WhatsNew | null>(null);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    const { provider, notes, boardId } = session;
    let started = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => writeVisit(boardId, recordOf(notes.getSnapshot().byId.values()));
    const saveSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    };
    const start = () => {
      if (started || !provider.synced) return;
      started = true;
      const before = readVisit(boardId);
      const current = ordered(notes.getSnapshot().byId.values());
      setNews(before ? changesSince(before, current) : { changed: [], added: [], removed: 0 });
      // Soon, not now: fingerprinting 10,000 notes here delayed a big board's first picture
      // (issue 12), and leaving the page within the delay still saves (pagehide, unmount).
      saveSoon();
    };
    const unsubscribe = notes.subscribe(() => {
      if (started) saveSoon();
    });
    provider.on('sync', start);
    start();
    window.addEventListener('pagehide', save);
    return () => {
      provider.off('sync', start);
      unsubscribe();
      window.removeEventListener('pagehide', save);
      clearTimeout(timer);
      if (started) save();
    };
  }, [session]);

  const shown = dismissed ? null : news;
  const marks = useMemo(() => {
    if (!shown || shown.changed.length === 0) return NO_MARKS;
    const added = new Set(shown.added);
    return new Map(shown.changed.map((id): [string, NoteMark] => [id, added.has(id) ? 'new' : 'changed']));
  }, [shown]);
  const dismiss = useCallback(() => setDismissed(true), []);
  return { news: shown, marks, dismiss };
}
