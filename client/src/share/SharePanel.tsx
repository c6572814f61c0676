import type { Access } from '@costudio/shared';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { createLink, linkUrl, listLinks, revokeLink, type ShareLink } from './linksApi.ts';

/** The facilitator's links: make "can edit" and "view only" links, copy them, switch them off. */
export function SharePanel({ boardId, token }: { boardId: string; token: string }) {
  const t = useT();
  const formId = useId();
  const [links, setLinks] = useState<ShareLink[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [access, setAccess] = useState<Access>('edit');
  const [label, setLabel] = useState('');
  const [expiry, setExpiry] = useState('');

  const refresh = useCallback(async () => {
    try {
      setLinks(await listLinks(boardId, token));
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  }, [boardId, token]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number(expiry);
    try {
      await createLink(boardId, token, { access, label, ...(expiry !== '' && minutes > 0 ? { expiresInMinutes: minutes } : {}) });
      setLabel('');
      await refresh();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const onRevoke = async (link: ShareLink) => {
    try {
      await revokeLink(boardId, token, link.id);
      await refresh();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <section className="share-panel" aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>{t.t('share.title')}</h2>
      <form onSubmit={onCreate}>
        <label>
          {t.t('share.access')}{' '}
          <select value={access} onChange={(event) => setAccess(event.target.value as Access)}>
            <option value="edit">{t.t('share.access.edit')}</option>
            <option value="view">{t.t('share.access.view')}</option>
          </select>
        </label>
        <label>
          {t.t('share.name')} <input value={label} maxLength={80} onChange={(event) => setLabel(event.target.value)} />
        </label>
        <label>
          {t.t('share.expires')}{' '}
          <input type="number" min={1} value={expiry} onChange={(event) => setExpiry(event.target.value)} />
        </label>
        <button type="submit">{t.t('share.make')}</button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="share-panel__links">
        {(links ?? []).map((link) => {
          const url = linkUrl(link);
          const accessWord = t.t(`share.access.${link.access}`);
          const name = link.label ? t.t('share.linkName', { access: accessWord, label: link.label }) : accessWord;
          return (
            <li key={link.id} data-testid="share-link" data-access={link.access}>
              <strong>{name}</strong>
              {link.revokedAt !== null ? (
                <span>{t.t('share.off')}</span>
              ) : (
                <>
                  {link.expiresAt !== null && (
                    <span>
                      {t.t('share.until', { time: t.date(link.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
                    </span>
                  )}
                  {url && <input readOnly aria-label={t.t('share.address', { name })} value={url} />}
                  {link.access !== 'facilitate' && (
                    <button type="button" onClick={() => void onRevoke(link)}>
                      {t.t('share.switchOff', { name })}
                    </button>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
