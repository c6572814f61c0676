import { addReply, laneTitle, MAX_REPLY_LENGTH, type Note, roleWord } from '@costudio/shared';
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import type { PanelEnv } from './PanelEnv.ts';
import { writeRefusal } from './replyRefusal.ts';

/**
 * The reply box: a short answer, under the person's name and role or, if they choose, their
 * role alone (as anonymous notes do). Refused, with the reason, where editing would be; a lock
 * made while it is open shows in the same frame as the page's own notice of it.
 */
export function ReplyForm({ env, note }: { env: PanelEnv; note: Note }) {
  const { session, identity, readOnly, lockedLanes, announcer } = env;
  const { editor, doc } = session;
  const t = useT();
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [problem, setProblem] = useState('');
  const fieldId = useId();
  const hintId = useId();
  const problemId = useId();
  const refusal = writeRefusal(
    {
      readOnly,
      laneLocked: lockedLanes.has(note.lane),
      privateWriting: editor.newNotesRedirected(),
    },
    'reply',
    laneTitle(t, note.lane),
    t,
  );
  if (refusal) return <p className="reply-form__refused">{refusal}</p>;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') {
      setProblem(t.t('trace.reply.empty'));
      return;
    }
    const id = addReply(
      doc,
      {
        noteId: note.id,
        text: trimmed,
        author: identity.name,
        authorRole: identity.role,
        anonymous,
        authorSecret: editor.authorSecret,
      },
      editor.origin,
    );
    if (id === null) {
      setProblem(t.t('trace.reply.gone'));
      return;
    }
    setText('');
    setProblem('');
    announcer.say(t.t('trace.reply.sent'));
  };

  return (
    <form className="reply-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={fieldId}>{t.t('trace.reply.label')}</label>
      <p id={hintId} className="reply-form__hint">
        {t.t('trace.reply.hint', { max: MAX_REPLY_LENGTH })}
      </p>
      <textarea
        id={fieldId}
        value={text}
        rows={3}
        maxLength={MAX_REPLY_LENGTH}
        aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      {problem && (
        <p id={problemId} className="reply-form__problem" role="alert">
          {problem}
        </p>
      )}
      <label className="reply-form__anonymous">
        <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
        {t.t('trace.reply.anonymous', { role: roleWord(t, identity.role, 'labelLower') })}
      </label>
      <button type="submit" className="button-primary">
        {t.t('trace.reply.send')}
      </button>
    </form>
  );
}
