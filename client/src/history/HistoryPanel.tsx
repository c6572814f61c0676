import { LANES, laneTitle } from '@costudio/shared';
import { useCallback, useEffect, useId, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import {
  type BoardVersion,
  listVersions,
  previewVersion,
  restoreVersion,
  saveVersion,
  type VersionPreview,
  versionLabel,
} from './historyApi.ts';

/**
 * The board's history for its facilitator: versions with time and note count, a name for the
 * board as it is now, a read-only preview of any version, and restore (a new change everyone
 * receives; the board as it was is kept as a version first, so nothing is lost).
 */
export function HistoryPanel({ boardId, onClose }: { boardId: string; onClose(): void }) {
  const t = useT();
  const [versions, setVersions] = useState<BoardVersion[] | null>(null);
  const [preview, setPreview] = useState<VersionPreview | null>(null);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const nameId = useId();

  const refresh = useCallback(() => {
    listVersions(boardId).then(setVersions, (error: Error) => setMessage(t.t('history.loadFailed', { error: error.message })));
  }, [boardId, t]);
  useEffect(refresh, [refresh]);

  const act = (work: Promise<unknown>, done: string) =>
    work.then(
      () => {
        setMessage(done);
        refresh();
      },
      (error: Error) => setMessage(error.message),
    );

  return (
    <section className="history-panel" aria-labelledby={`${nameId}-title`}>
      <h2 id={`${nameId}-title`}>{t.t('history.title')}</h2>
      <button type="button" className="history-panel__close" onClick={onClose}>
        {t.t('history.close')}
      </button>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '') return;
          void act(saveVersion(boardId, name.trim()), t.t('history.saved', { name: name.trim() }));
          setName('');
        }}
      >
        <label htmlFor={nameId}>{t.t('history.name')}</label>
        <input id={nameId} value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
        <button type="submit">{t.t('history.save')}</button>
      </form>
      <p role="status" className="history-panel__message">
        {message}
      </p>
      {versions === null ? (
        <p>{t.t('history.loading')}</p>
      ) : versions.length === 0 ? (
        <p>{t.t('history.none')}</p>
      ) : (
        <ol className="history-panel__list" aria-label={t.t('history.list')}>
          {versions.map((version) => (
            <li key={version.id} data-version-id={version.id}>
              <span className="history-panel__name">{versionLabel(version, t)}</span>{' '}
              <span className="history-panel__meta">
                {t.t('history.meta', {
                  time: t.date(version.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  count: version.noteCount,
                })}
              </span>{' '}
              <button
                type="button"
                onClick={() => previewVersion(boardId, version.id).then(setPreview, (error: Error) => setMessage(error.message))}
              >
                {t.t('history.preview')} <span className="visually-hidden">{versionLabel(version, t)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {preview && (
        <section className="history-preview" aria-label={t.t('history.previewOf', { version: versionLabel(preview.version, t) })}>
          <h3>
            {t.t('history.previewTitle', { version: versionLabel(preview.version, t) })}{' '}
            <span className="history-preview__readonly">{t.t('history.readOnly')}</span>
          </h3>
          {LANES.map((lane) => {
            const notes = preview.board.notes.filter((note) => note.lane === lane.id);
            if (notes.length === 0) return null;
            return (
              <div key={lane.id}>
                <h4>{laneTitle(t, lane.id)}</h4>
                <ul>
                  {notes.map((note) => (
                    <li key={note.id}>{note.text || t.t('history.emptyNote')}</li>
                  ))}
                </ul>
              </div>
            );
          })}
          <button
            type="button"
            className="button-primary"
            onClick={() => {
              const label = versionLabel(preview.version, t);
              void act(restoreVersion(boardId, preview.version.id), t.t('history.restored', { version: label }));
              setPreview(null);
            }}
          >
            {t.t('history.restore')}
          </button>{' '}
          <button type="button" onClick={() => setPreview(null)}>
            {t.t('history.closePreview')}
          </button>
        </section>
      )}
    </section>
  );
}
