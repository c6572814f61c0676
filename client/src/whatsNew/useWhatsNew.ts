import type { Note } from '@costudio/shared';
import { useEffect, useState } from 'react';
import type { BoardSession } from '../board/useBoardSession.ts';
import { changesSince, readVisit, recordOf, writeVisit } from './visitRecord.ts';

export interface WhatsNew {
  /** Notes added, changed or moved since this device's last visit, in board order. */
  readonly changed: readonly string[];
  readonly removed: number;
}

const SAVE_DELAY_MS = 1000;

function ordered(notes: Iterable<Note>): Note[] {
  return [...notes].sort((a, b) => a.x - b.x || a.y - b.y);
}

/**
 * Compares the board, once it has synced with the relay, with what this device saw last time
 * (localStorage), then keeps that record up to date while the board is open: whatever someone
 * sees live is not news on their next visit. Null until the first sync; a first visit has no news.
 */
export function useWhatsNew(session: BoardSession): WhatsNew | null {
  const [news, setNews] = useState<WhatsNew | null>(null);
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
      setNews(before ? changesSince(before, current) : { changed: [], removed: 0 });
      save();
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
  return news;
}
