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
      <h2 id="private-writing-heading">Private writing</h2>
      <p id={explanationId}>
        What you write here reaches only the facilitator until they reveal everyone’s notes together. While private writing is on,
        Add note brings you here.
      </p>
      <form onSubmit={onSubmit}>
        <label>
          Lane{' '}
          <select value={lane} onChange={(event) => setLane(event.target.value as LaneId)}>
            {LANES.map((item) => (
              <option key={item.id} value={item.id}>
                {laneTitle(t, item.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Private note{' '}
          <textarea
            ref={fieldRef}
            value={text}
            maxLength={2000}
            aria-describedby={explanationId}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="submit">Add private note</button>
      </form>
      <ul aria-label="Your private notes">
        {notes.map((note) => (
          <li key={note.id}>{note.text}</li>
        ))}
      </ul>
    </section>
  );
}

function PrivateWritingControls({ boardId, token, facilitation, board, origin, on }: PrivateWritingProps & { on: boolean }) {
  const [review, setReview] = useState<PrivateRoomNotes[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : 'That did not work just now.');
    }
  };
  return (
    <section className="private-writing" aria-label="Private writing">
      <button type="button" aria-pressed={on} onClick={() => facilitation.set(PRIVATE_WRITING_KEY, !on)}>
        {on ? 'End private writing' : 'Start private writing'}
      </button>
      {token && (
        <>
          <button type="button" onClick={() => run(async () => setReview(await reviewPrivateNotes(boardId, token)))}>
            Review private notes
          </button>
          <button
            type="button"
            onClick={() =>
              run(async () => {
                const count = await revealPrivateNotes(boardId, token, board, origin);
                setReview(null);
                setMessage(`Revealed ${count} private ${count === 1 ? 'note' : 'notes'}.`);
              })
            }
          >
            Reveal private notes
          </button>
        </>
      )}
      <p aria-live="polite">{message}</p>
      {review && (
        <ul aria-label="Private notes waiting to be revealed">
          {review.flatMap((room) =>
            room.notes.map((note) => (
              <li key={`${room.roomId}/${note.id}`}>
                {note.author || 'Someone'}: {note.text}
              </li>
            )),
          )}
        </ul>
      )}
    </section>
  );
}
