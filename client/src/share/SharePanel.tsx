import type { Access } from '@costudio/shared';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { createLink, linkUrl, listLinks, revokeLink, type ShareLink } from './linksApi.ts';

const ACCESS_LABEL: Record<Access, string> = { facilitate: 'Facilitator', edit: 'Can edit', view: 'View only' };

/** The facilitator's links: make "can edit" and "view only" links, copy them, switch them off. */
export function SharePanel({ boardId, token }: { boardId: string; token: string }) {
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
      <h2 id={`${formId}-heading`}>Share links</h2>
      <form onSubmit={onCreate}>
        <label>
          Access{' '}
          <select value={access} onChange={(event) => setAccess(event.target.value as Access)}>
            <option value="edit">Can edit</option>
            <option value="view">View only</option>
          </select>
        </label>
        <label>
          Name (optional) <input value={label} maxLength={80} onChange={(event) => setLabel(event.target.value)} />
        </label>
        <label>
          Expires after minutes (optional){' '}
          <input type="number" min={1} value={expiry} onChange={(event) => setExpiry(event.target.value)} />
        </label>
        <button type="submit">Make link</button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <ul className="share-panel__links">
        {(links ?? []).map((link) => {
          const url = linkUrl(link);
          const name = `${ACCESS_LABEL[link.access]}${link.label ? ` – ${link.label}` : ''}`;
          return (
            <li key={link.id} data-testid="share-link" data-access={link.access}>
              <strong>{name}</strong>
              {link.revokedAt !== null ? (
                <span> (switched off)</span>
              ) : (
                <>
                  {link.expiresAt !== null && <span> (until {new Date(link.expiresAt).toLocaleString()})</span>}
                  {url && <input readOnly aria-label={`Address of the link ${name}`} value={url} />}
                  {link.access !== 'facilitate' && (
                    <button type="button" onClick={() => void onRevoke(link)}>
                      Switch off {name}
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
