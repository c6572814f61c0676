import { useState } from 'react';
import { authorizationHeaders } from '../device/boardTokens.ts';

interface Entry {
  readonly id: number;
  readonly at: number;
  readonly action: string;
  readonly actor: string;
  readonly linkId: string | null;
  readonly access: string | null;
}

const ACTION_WORDS: Record<string, string> = {
  'board-created': 'Board created',
  'link-created': 'Link made',
  'link-revoked': 'Link switched off',
  'board-locked': 'Board locked',
  'board-unlocked': 'Board unlocked',
  'private-rooms-listed': 'Private notes reviewed',
  'version-saved': 'Version saved',
  'version-restored': 'Version restored',
  'board-exported': 'Board exported',
  'board-imported': 'Board imported',
  'contributions-erased': 'Contributions erased',
  'subject-access-exported': 'Someone’s data exported',
  'board-deleted': 'Board deleted',
  'private-room-opened': 'A private room opened by a facilitator',
};

/** The board's audit log for its facilitators (GET /api/boards/<id>/audit): who did what, never content. */
export function AuditLogSection({ boardId }: { boardId: string }) {
  const [entries, setEntries] = useState<readonly Entry[] | null>(null);
  const [error, setError] = useState('');
  const load = async () => {
    setError('');
    try {
      const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/audit`, {
        headers: authorizationHeaders(boardId),
      });
      const body = (await response.json()) as { entries?: Entry[]; error?: { message?: string } };
      if (!response.ok) throw new Error(body.error?.message ?? 'The audit log could not be read.');
      setEntries(body.entries ?? []);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The audit log could not be read.');
    }
  };
  return (
    <section className="audit-log" aria-label="Audit log">
      <h3>Audit log</h3>
      <p>Who made links, exported, restored, erased or deleted, and when. It never holds what people wrote.</p>
      <button type="button" onClick={load}>
        {entries ? 'Refresh' : 'Show the audit log'}
      </button>
      {error && <p role="alert">{error}</p>}
      {entries && (
        <ol className="audit-log__list">
          {[...entries].reverse().map((entry) => (
            <li key={entry.id}>
              <time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleString()}</time>{' '}
              {ACTION_WORDS[entry.action] ?? entry.action}
              {entry.actor === 'operator' ? ' by the operator' : entry.actor === 'server' ? ' by the server' : ''}
              {entry.linkId ? ` (link ${entry.linkId.slice(0, 8)}, ${entry.access})` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
