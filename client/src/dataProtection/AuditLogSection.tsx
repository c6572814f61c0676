import { EN_MESSAGES, type MessageId, type Translator } from '@costudio/shared';
import { useState } from 'react';
import { authorizationHeaders } from '../device/boardTokens.ts';
import { fetchJson } from '../i18n/fetchExplained.ts';
import { useT } from '../i18n/useT.ts';

interface Entry {
  readonly id: number;
  readonly at: number;
  readonly action: string;
  readonly actor: string;
  readonly linkId: string | null;
  readonly access: string | null;
}

/** An action's words; an action newer than this client is shown by its id. */
function actionWords(action: string, t: Translator): string {
  const id = `audit.action.${action}`;
  return id in EN_MESSAGES ? t.t(id as MessageId) : action;
}

/** The board's audit log for its facilitators (GET /api/boards/<id>/audit): who did what, never content. */
export function AuditLogSection({ boardId }: { boardId: string }) {
  const t = useT();
  const [entries, setEntries] = useState<readonly Entry[] | null>(null);
  const [error, setError] = useState('');
  const load = async () => {
    setError('');
    try {
      const path = `/api/boards/${encodeURIComponent(boardId)}/audit`;
      const init = { headers: authorizationHeaders(boardId) };
      const body = await fetchJson<{ entries?: Entry[] }>(path, init, t, t.t('audit.failed'));
      setEntries(body.entries ?? []);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : t.t('audit.failed'));
    }
  };
  return (
    <section className="audit-log" aria-label={t.t('audit.title')}>
      <h3>{t.t('audit.title')}</h3>
      <p>{t.t('audit.explain')}</p>
      <button type="button" onClick={load}>
        {entries ? t.t('audit.refresh') : t.t('audit.show')}
      </button>
      {error && <p role="alert">{error}</p>}
      {entries && (
        <ol className="audit-log__list">
          {[...entries].reverse().map((entry) => (
            <li key={entry.id}>
              <time dateTime={new Date(entry.at).toISOString()}>
                {t.date(entry.at, { dateStyle: 'medium', timeStyle: 'medium' })}
              </time>{' '}
              {actionWords(entry.action, t)}
              {entry.actor === 'operator' ? t.t('audit.byOperator') : entry.actor === 'server' ? t.t('audit.byServer') : ''}
              {entry.linkId ? t.t('audit.link', { id: entry.linkId.slice(0, 8), access: entry.access ?? '' }) : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
