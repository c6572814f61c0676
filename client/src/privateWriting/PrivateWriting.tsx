import type { Access } from '@costudio/shared';
import { LANES, type LaneId, laneTitle, PRIVATE_WRITING_KEY } from '@costudio/shared';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Identity } from '../device/identity.ts';
import type { BoardEditor } from '../doc/BoardEditor.ts';
import { useT } from '../i18n/useT.ts';
import { type PrivateRoomNotes, revealPrivateNotes, reviewPrivateNotes } from './reveal.ts';
import { usePrivateNotes } from './usePrivateNotes.ts';

interface PrivateWritingProps {
  boardId: string;
  access: Access;
  token: string | null;
  facilitation: Y.Map<unknown>;
  identity: Identity;
  board: Y.Doc;
  origin: unknown;
  /** Its Add note leads to the private note while private writing is on. */
  editor: BoardEditor;
}

/**
 * Private writing, then reveal. While it is on, participants write into their own private room,
 * which no other participant's device receives; the facilitator reviews and then reveals them,
 * which moves them onto the board for everyone.
 */
export function PrivateWriting(props: PrivateWritingProps) {
  const on = props.facilitation.get(PRIVATE_WRITING_KEY) === true;
  if (props.access === 'facilitate') return <PrivateWritingControls {...props} on={on} />;
  if (!on || props.access === 'view') return null;
  return <PrivateNoteForm boardId={props.boardId} identity={props.identity} editor={props.editor} />;
}

function PrivateNoteForm({ boardId, identity, editor }: { boardId: string; identity: Identity; editor: BoardEditor }) {
  const t = useT();
  const { notes, add } = usePrivateNotes(boardId, true);
  const [lane, setLane] = useState<LaneId>('define');
  const [text, setText] = useState('');
  const sectionRef = useRef<HTMLElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const explanationId = useId();
  // Every Add note on the board (button, N, double-click, the list's) leads here while this
  // form is shown, so nothing written during the exercise reaches the others before the reveal.
  useEffect(
    () =>
      editor.redirectNewNotes((toLane) => {
        setLane(toLane);
        sectionRef.current?.scrollIntoView({ block: 'nearest' });
        fieldRef.current?.focus();
      }),
    [editor],
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    add(lane, text.trim(), identity);
    setText('');
  };
  return (
    <section ref={sectionRef} className="private-writing" aria-labelledby="private-writing-heading">
      <h2 id="private-writing-heading">{t.t('private.title')}</h2>
      <p id={explanationId}>{t.t('private.explain')}</p>
      <form onSubmit={onSubmit}>
        <label>
          {t.t('private.lane')}{' '}
          <select value={lane} onChange={(event) => setLane(event.target.value as LaneId)}>
            {LANES.map((item) => (
              <option key={item.id} value={item.id}>
                {laneTitle(t, item.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.t('private.note')}{' '}
          <textarea
            ref={fieldRef}
            value={text}
            maxLength={2000}
            aria-describedby={explanationId}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="submit">{t.t('private.add')}</button>
      </form>
      <ul aria-label={t.t('private.yours')}>
        {notes.map((note) => (
          <li key={note.id}>{note.text}</li>
        ))}
      </ul>
    </section>
  );
}

function PrivateWritingControls({ boardId, token, facilitation, board, origin, on }: PrivateWritingProps & { on: boolean }) {
  const t = useT();
  const [review, setReview] = useState<PrivateRoomNotes[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : t.t('private.failed'));
    }
  };
  return (
    <section className="private-writing" aria-label={t.t('private.title')}>
      <button type="button" aria-pressed={on} onClick={() => facilitation.set(PRIVATE_WRITING_KEY, !on)}>
        {on ? t.t('private.end') : t.t('private.start')}
      </button>
      {token && (
        <>
          <button type="button" onClick={() => run(async () => setReview(await reviewPrivateNotes(boardId, token)))}>
            {t.t('private.review')}
          </button>
          <button
            type="button"
            onClick={() =>
              run(async () => {
                const count = await revealPrivateNotes(boardId, token, board, origin);
                setReview(null);
                setMessage(t.t('private.revealed', { count }));
              })
            }
          >
            {t.t('private.reveal')}
          </button>
        </>
      )}
      <p aria-live="polite">{message}</p>
      {review && (
        <ul aria-label={t.t('private.waiting')}>
          {review.flatMap((room) =>
            room.notes.map((note) => (
              <li key={`${room.roomId}/${note.id}`}>
                {t.t('private.line', { author: note.author || t.t('private.someone'), text: note.text })}
              </li>
            )),
          )}
        </ul>
      )}
    </section>
  );
}
