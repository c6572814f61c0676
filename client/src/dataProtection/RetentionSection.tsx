import { useCallback, useEffect, useId, useState } from 'react';
import { authorizationHeaders } from '../device/boardTokens.ts';
import { fetchJson } from '../i18n/fetchExplained.ts';
import { useT } from '../i18n/useT.ts';

interface Retention {
  readonly defaultDays: number | null;
  readonly policy: null | { keep: true } | { days: number };
  readonly deletesAt: number | null;
}

/** Within this many days of deletion, the date is shown as a warning. */
const WARN_DAYS = 7;

/**
 * "How long this board is kept" for facilitators (GET/PUT /api/boards/<id>/retention): when an
 * idle board will be deleted, with a warning when that is near, and keeping it or shortening it.
 */
export function RetentionSection({ boardId }: { boardId: string }) {
  const daysId = useId();
  const t = useT();
  const [retention, setRetention] = useState<Retention | null>(null);
  const [days, setDays] = useState('');
  const [message, setMessage] = useState('');
  const call = useCallback(
    async (body?: object) => {
      try {
        const init: RequestInit = {
          method: body ? 'PUT' : 'GET',
          headers: { 'content-type': 'application/json', ...authorizationHeaders(boardId) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        };
        const path = `/api/boards/${encodeURIComponent(boardId)}/retention`;
        const answer = await fetchJson<Retention>(path, init, t, t.t('retention.failed'));
        setRetention(answer);
        setMessage(body ? t.t('retention.saved') : '');
      } catch (error) {
        setMessage(error instanceof Error ? error.message : t.t('retention.failed'));
      }
    },
    [boardId, t],
  );
  useEffect(() => {
    void call();
  }, [call]);
  const soon = retention?.deletesAt != null && retention.deletesAt - Date.now() < WARN_DAYS * 86_400_000;
  return (
    <section className="retention" aria-labelledby={`${daysId}-heading`}>
      <h3 id={`${daysId}-heading`}>{t.t('retention.title')}</h3>
      {retention && (
        <p role={soon ? 'alert' : undefined} data-soon={soon ? 'true' : undefined}>
          {retention.deletesAt === null
            ? t.t('retention.forever')
            : t.t('retention.until', { date: t.date(retention.deletesAt, { dateStyle: 'long' }) })}
        </p>
      )}
      <button type="button" onClick={() => call({ keep: true })}>
        {t.t('retention.keep')}
      </button>{' '}
      {retention?.policy !== null && (
        <button type="button" onClick={() => call({ useDefault: true })}>
          {t.t('retention.usual')}
        </button>
      )}
      <div>
        <label htmlFor={daysId}>{t.t('retention.days')}</label>{' '}
        <input
          id={daysId}
          type="number"
          min={1}
          max={retention?.defaultDays ?? 36_500}
          value={days}
          onChange={(event) => setDays(event.target.value)}
        />{' '}
        <button type="button" disabled={!/^\d+$/.test(days)} onClick={() => call({ days: Number(days) })}>
          {t.t('retention.set')}
        </button>
      </div>
      <p role="status">{message}</p>
    </section>
  );
}
