import type { Note } from '@costudio/shared';
import { useId } from 'react';
import { noteAuthor } from '../doc/noteLabels.ts';
import { useT } from '../i18n/useT.ts';
import { RoleIcon } from '../presence/RoleIcon.tsx';
import { useTrace } from '../trace/useTraceStore.ts';
import type { PanelEnv } from './PanelEnv.ts';

const WHEN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** A note's replies, oldest first, each with its writer's role icon and label (or role alone). */
export function ReplyThread({ env, note }: { env: PanelEnv; note: Note }) {
  const t = useT();
  useTrace(env.trace);
  const replies = env.trace.repliesOf(note.id);
  const headingId = useId();
  return (
    <section className="note-panel__section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {replies.length === 0 ? t.t('trace.thread.title') : t.t('trace.thread.titleCount', { count: replies.length })}
      </h3>
      {replies.length === 0 ? (
        <p>{t.t('trace.thread.none')}</p>
      ) : (
        <ol className="reply-thread">
          {replies.map((reply) => (
            <li key={reply.id} className={`reply reply--${reply.authorRole}`}>
              <p className="reply__by">
                <RoleIcon role={reply.authorRole} /> <span>{noteAuthor(reply, t)}</span>{' '}
                <time dateTime={new Date(reply.createdAt).toISOString()}>{t.date(reply.createdAt, WHEN)}</time>
              </p>
              <p className="reply__text">{reply.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
