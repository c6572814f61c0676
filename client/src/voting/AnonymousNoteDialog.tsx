import { LANE_IDS, LANES, type LaneId, laneTitle, MAX_NOTE_TEXT_LENGTH, roleWord } from '@costudio/shared';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { Identity } from '../device/identity.ts';
import type { BoardEditor } from '../doc/BoardEditor.ts';
import { useT } from '../i18n/useT.ts';
import { RoleIcon } from '../presence/RoleIcon.tsx';

/**
 * Posting a note without one's name. The text is written together with the note, because typing
 * into it afterwards from this page would tie it to this person in the board's data.
 */
export function AnonymousNoteButton({
  editor,
  identity,
  disabled,
}: {
  editor: BoardEditor;
  identity: Identity;
  disabled: boolean;
}) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = { heading: useId(), lane: useId(), text: useId(), help: useId(), error: useId() };
  const [lane, setLane] = useState<LaneId>(LANE_IDS[0]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [posted, setPosted] = useState('');
  const shownAs = roleWord(t, identity.role, 'anonymousName');

  const close = () => dialogRef.current?.close();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return setError(t.t('anon.empty'));
    const id = editor.addAnonymousNote({ lane, authorRole: identity.role, text: text.trim() });
    if (id === null) {
      return setError(editor.newNotesRedirected() ? t.t('anon.private') : t.t('anon.cannotChange'));
    }
    setText('');
    setError(null);
    setPosted(t.t('anon.posted', { lane: laneTitle(t, lane), name: shownAs }));
    close();
  };

  return (
    <>
      <button
        type="button"
        disabled={disabled}
        onClick={() => {
          setPosted('');
          dialogRef.current?.showModal();
        }}
      >
        {t.t('anon.open')}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {posted}
      </span>
      <dialog ref={dialogRef} aria-labelledby={ids.heading} className="anonymous-dialog">
        <h2 id={ids.heading}>{t.t('anon.title')}</h2>
        <p id={ids.help}>
          {t.t('anon.helpBefore')} <RoleIcon role={identity.role} /> <strong>{shownAs}</strong>
          {t.t('anon.helpAfter')}
        </p>
        <form onSubmit={submit} noValidate>
          <label htmlFor={ids.lane}>{t.t('anon.lane')}</label>
          <select id={ids.lane} value={lane} onChange={(event) => setLane(event.target.value as LaneId)}>
            {LANES.map((option) => (
              <option key={option.id} value={option.id}>
                {laneTitle(t, option.id)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.text}>{t.t('anon.text')}</label>
          <textarea
            id={ids.text}
            rows={4}
            value={text}
            maxLength={MAX_NOTE_TEXT_LENGTH}
            aria-describedby={error ? `${ids.help} ${ids.error}` : ids.help}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          {error && (
            <p id={ids.error} className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="anonymous-dialog__actions">
            <button type="submit" className="button-primary">
              {t.t('anon.submit')}
            </button>
            <button type="button" onClick={close}>
              {t.t('anon.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
