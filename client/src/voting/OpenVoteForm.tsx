import {
  DEFAULT_DOTS_PER_PERSON,
  LANES,
  laneTitle,
  MAX_DOTS_PER_PERSON,
  MAX_VOTE_TITLE_LENGTH,
  type VoteScope,
} from '@costudio/shared';
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../i18n/useT.ts';

export interface NewVoteChoice {
  scope: VoteScope;
  dotsPerPerson: number;
  hideTotals: boolean;
  title: string;
}

/** The facilitator's form for opening a dot vote. */
export function OpenVoteForm({ onOpen }: { onOpen(choice: NewVoteChoice): void }) {
  const t = useT();
  const ids = { title: useId(), scope: useId(), dots: useId(), error: useId() };
  const [title, setTitle] = useState('');
  const [scope, setScope] = useState<VoteScope>('board');
  const [dotsText, setDotsText] = useState(String(DEFAULT_DOTS_PER_PERSON));
  const [hideTotals, setHideTotals] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const dotsPerPerson = Number(dotsText);
    if (!Number.isInteger(dotsPerPerson) || dotsPerPerson < 1 || dotsPerPerson > MAX_DOTS_PER_PERSON) {
      setError(t.t('voteForm.dotsError', { max: MAX_DOTS_PER_PERSON }));
      return;
    }
    setError(null);
    onOpen({ scope, dotsPerPerson, hideTotals, title: title.trim() });
  };

  return (
    <form className="open-vote-form" onSubmit={submit} noValidate>
      <label htmlFor={ids.title}>{t.t('voteForm.question')}</label>
      <input
        id={ids.title}
        type="text"
        value={title}
        maxLength={MAX_VOTE_TITLE_LENGTH}
        placeholder={t.t('voteForm.placeholder')}
        onChange={(event) => setTitle(event.target.value)}
      />
      <label htmlFor={ids.scope}>{t.t('voteForm.on')}</label>
      <select id={ids.scope} value={scope} onChange={(event) => setScope(event.target.value as VoteScope)}>
        <option value="board">{t.t('voteForm.board')}</option>
        {LANES.map((lane) => (
          <option key={lane.id} value={lane.id}>
            {t.t('voteForm.lane', { lane: laneTitle(t, lane.id) })}
          </option>
        ))}
      </select>
      <label htmlFor={ids.dots}>{t.t('voteForm.dots')}</label>
      <input
        id={ids.dots}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_DOTS_PER_PERSON}
        value={dotsText}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? ids.error : undefined}
        onChange={(event) => setDotsText(event.target.value)}
      />
      <label className="open-vote-form__check">
        <input type="checkbox" checked={hideTotals} onChange={(event) => setHideTotals(event.target.checked)} />
        {t.t('dot.hideTotals')}
      </label>
      {error && (
        <p id={ids.error} className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button-primary">
        {t.t('voteForm.open')}
      </button>
    </form>
  );
}
