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

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

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
    listVersions(boardId).then(setVersions, (error: Error) => setMessage(`Could not load the history: ${error.message}`));
  }, [boardId]);
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
      <h2 id={`${nameId}-title`}>Board history</h2>
      <button type="button" className="history-panel__close" onClick={onClose}>
        Close history
      </button>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '') return;
          void act(saveVersion(boardId, name.trim()), `Saved “${name.trim()}”`);
          setName('');
        }}
      >
        <label htmlFor={nameId}>Name this version</label>
        <input id={nameId} value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
        <button type="submit">Save version</button>
      </form>
      <p role="status" className="history-panel__message">
        {message}
      </p>
      {versions === null ? (
        <p>Loading…</p>
      ) : versions.length === 0 ? (
        <p>No versions yet. One is kept every 10 minutes while people edit, and when everyone leaves.</p>
      ) : (
        <ol className="history-panel__list" aria-label="Versions, newest first">
          {versions.map((version) => (
            <li key={version.id} data-version-id={version.id}>
              <span className="history-panel__name">{versionLabel(version)}</span>{' '}
              <span className="history-panel__meta">
                {TIME.format(version.createdAt)} · {version.noteCount === 1 ? '1 note' : `${version.noteCount} notes`}
              </span>{' '}
              <button
                type="button"
                onClick={() => previewVersion(boardId, version.id).then(setPreview, (error: Error) => setMessage(error.message))}
              >
                Preview <span className="visually-hidden">{versionLabel(version)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {preview && (
        <section className="history-preview" aria-label={`Preview of ${versionLabel(preview.version)} (read-only)`}>
          <h3>
            Preview: {versionLabel(preview.version)} <span className="history-preview__readonly">(read-only)</span>
          </h3>
          {LANES.map((lane) => {
            const notes = preview.board.notes.filter((note) => note.lane === lane.id);
            if (notes.length === 0) return null;
            return (
              <div key={lane.id}>
                <h4>{laneTitle(t, lane.id)}</h4>
                <ul>
                  {notes.map((note) => (
                    <li key={note.id}>{note.text || '(empty note)'}</li>
                  ))}
                </ul>
              </div>
            );
          })}
          <button
            type="button"
            className="button-primary"
            onClick={() => {
              const label = versionLabel(preview.version);
              void act(
                restoreVersion(boardId, preview.version.id),
                `Restored “${label}”. The board as it was is kept in the history.`,
              );
              setPreview(null);
            }}
          >
            Restore this version
          </button>{' '}
          <button type="button" onClick={() => setPreview(null)}>
            Close preview
          </button>
        </section>
      )}
    </section>
  );
}
