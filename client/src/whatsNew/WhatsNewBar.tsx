import { laneTitle } from '@costudio/shared';
import { useEffect, useMemo, useState } from 'react';
import type { Announcer } from '../announce/Announcer.ts';
import { useNotes } from '../doc/useNotes.ts';
import { useT } from '../i18n/useT.ts';
import type { BoardSession } from '../session/BoardSession.ts';
import type { WhatsNew } from './useWhatsNew.ts';

/** The lane list's text field of a note (laneList/NoteItem.tsx, noteTextId). */
const listFieldId = (id: string) => `lane-note-text-${id}`;

function summary(news: WhatsNew): string {
  const parts: string[] = [];
  if (news.changed.length > 0) {
    parts.push(news.changed.length === 1 ? '1 note added or changed' : `${news.changed.length} notes added or changed`);
  }
  if (news.removed > 0) parts.push(news.removed === 1 ? '1 note removed' : `${news.removed} notes removed`);
  return `${parts.join(' and ')} since your last visit`;
}

/**
 * "3 notes added or changed since your last visit", with "Next change" to step through them:
 * it focuses the note in the lane list, and names it here either way. The marked notes get an
 * outline in the list and a "New" or "Changed" label on the canvas. The summary is also said once in the polite live region.
 */
export function WhatsNewBar({
  session,
  news,
  announcer,
  onDismiss,
}: {
  session: BoardSession;
  news: WhatsNew;
  announcer: Announcer;
  /** Clears the marks everywhere (list and canvas), not just this bar. */
  onDismiss(): void;
}) {
  const t = useT();
  const { byId } = useNotes(session.notes);
  const [index, setIndex] = useState(-1);
  const text = summary(news);
  const hasNews = news.changed.length > 0 || news.removed > 0;

  useEffect(() => {
    if (hasNews) announcer.say(text);
  }, [announcer, hasNews, text]);

  const marks = useMemo(
    () =>
      news.changed.length === 0
        ? ''
        : `${news.changed.map((id) => `#${CSS.escape(listFieldId(id))}`).join(',')}{outline:3px solid #b3471d;outline-offset:2px}`,
    [news.changed],
  );

  if (!hasNews) return null;
  const currentId = index >= 0 ? news.changed[index] : undefined;
  const current = currentId === undefined ? undefined : byId.get(currentId);

  const next = () => {
    if (news.changed.length === 0) return;
    const nextIndex = (index + 1) % news.changed.length;
    setIndex(nextIndex);
    const field = document.getElementById(listFieldId(news.changed[nextIndex] as string));
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  };

  return (
    <section className="whats-new" aria-label="What's new" data-testid="whats-new">
      <style>{marks}</style>
      <p className="whats-new__summary">{text}</p>
      {news.changed.length > 0 && (
        <button type="button" onClick={next}>
          Next change
        </button>
      )}
      {currentId !== undefined && (
        <p className="whats-new__current" data-note-id={currentId}>
          {index + 1} of {news.changed.length}:{' '}
          {current ? `“${current.text || 'empty note'}” in ${laneTitle(t, current.lane)}` : 'since removed'}
        </p>
      )}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
