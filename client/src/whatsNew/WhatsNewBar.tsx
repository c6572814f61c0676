import { laneTitle, type Translator } from '@costudio/shared';
import { useEffect, useMemo, useState } from 'react';
import type { Announcer } from '../announce/Announcer.ts';
import { useNotes } from '../doc/useNotes.ts';
import { useT } from '../i18n/useT.ts';
import type { BoardSession } from '../session/BoardSession.ts';
import type { WhatsNew } from './useWhatsNew.ts';

/** The lane list's text field of a note (laneList/NoteItem.tsx, noteTextId). */
const listFieldId = (id: string) => `lane-note-text-${id}`;

function summary(news: WhatsNew, t: Translator): string {
  const changed = news.changed.length;
  return t.t('whatsNew.summary', { changed, removed: news.removed, both: changed > 0 && news.removed > 0 ? 'yes' : 'no' });
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
  const text = summary(news, t);
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
    <section className="whats-new" aria-label={t.t('whatsNew.label')} data-testid="whats-new">
      <style>{marks}</style>
      <p className="whats-new__summary">{text}</p>
      {news.changed.length > 0 && (
        <button type="button" onClick={next}>
          {t.t('whatsNew.next')}
        </button>
      )}
      {currentId !== undefined && (
        <p className="whats-new__current" data-note-id={currentId}>
          {t.t('whatsNew.position', { position: index + 1, count: news.changed.length })}
          {current
            ? t.t('whatsNew.current', { text: current.text || t.t('whatsNew.emptyNote'), lane: laneTitle(t, current.lane) })
            : t.t('whatsNew.removed')}
        </p>
      )}
      <button type="button" onClick={onDismiss}>
        {t.t('whatsNew.dismiss')}
      </button>
    </section>
  );
}
