import { addReply, ENGLISH, laneById, laneTitle, MAX_REPLY_LENGTH, type Note } from '@costudio/shared';
import { type FormEvent, useId, useState } from 'react';
import type { PanelEnv } from './PanelEnv.ts';
import { writeRefusal } from './replyRefusal.ts';

/**
 * The reply box: a short answer, under the person's name and role or, if they choose, their
 * role alone (as anonymous notes do). Refused, with the reason, where editing would be.
 */
export function ReplyForm({ env, note }: { env: PanelEnv; note: Note }) {
  const { session, identity, readOnly, announcer } = env;
  const { editor, doc } = session;
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [problem, setProblem] = useState('');
  const fieldId = useId();
  const hintId = useId();
  const problemId = useId();
  const refusal = writeRefusal(
    {
      readOnly: readOnly || editor.isReadOnly(),
      laneLocked: editor.isLaneLocked(note.lane),
      privateWriting: editor.newNotesRedirected(),
    },
    'reply',
    laneTitle(ENGLISH, note.lane),
  );
  if (refusal) return <p className="reply-form__refused">{refusal}</p>;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') {
      setProblem('Write a few words first.');
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
      setProblem('This note is gone, so the reply was not sent.');
      return;
    }
    setText('');
    setProblem('');
    announcer.say('Reply sent.');
  };

  return (
    <form className="reply-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={fieldId}>Your reply</label>
      <p id={hintId} className="reply-form__hint">
        Up to {MAX_REPLY_LENGTH} characters. Everyone on the board can read it.
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
        Reply without my name (only “{identity.role === 'lay' ? 'lay participant' : 'practitioner'}” is shown)
      </label>
      <button type="submit" className="button-primary">
        Send reply
      </button>
    </form>
  );
}
