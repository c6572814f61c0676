import { readNotes } from '@costudio/shared';
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { authorizationHeaders, rememberBoardToken } from '../device/boardTokens.ts';
import { fetchJson, fetchOk } from '../i18n/fetchExplained.ts';
import { useT } from '../i18n/useT.ts';
import { navigate } from '../router/navigation.ts';
import { renderBoardPng } from './boardPng.ts';

function download(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

const safeName = (title: string) =>
  title
    .replace(/[^A-Za-z0-9 _.-]+/g, '')
    .trim()
    .slice(0, 80) || 'board';

/** Export the board as JSON or PNG, and import a JSON export as a new board. */
export function BackupTools({ boardId, doc, title }: { boardId: string; doc: Y.Doc; title: string }) {
  const t = useT();
  const fileId = useId();
  const [message, setMessage] = useState<string | null>(null);

  const importFile = async (file: File) => {
    setMessage(t.t('backup.importing'));
    try {
      const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: await file.text() };
      const body = await fetchJson<{ id?: string; path?: string; facilitatorLink?: { token?: unknown } }>(
        '/api/boards/import',
        init,
        t,
      );
      if (!body.path) throw new Error(t.t('serverError.unknown'));
      // The new board's facilitator link, kept on this device like a created board's.
      const token = body.facilitatorLink?.token;
      if (body.id && typeof token === 'string') rememberBoardToken(body.id, token);
      setMessage(null);
      navigate(body.path);
    } catch (error) {
      setMessage(t.t('backup.importFailed', { reason: error instanceof Error ? error.message : '' }));
    }
  };

  // A plain link cannot carry the facilitator's credential, so the file is fetched, then saved.
  const exportFile = async () => {
    setMessage(t.t('backup.preparing'));
    try {
      const path = `/api/boards/${encodeURIComponent(boardId)}/export`;
      const response = await fetchOk(path, { headers: authorizationHeaders(boardId) }, t);
      const url = URL.createObjectURL(await response.blob());
      download(url, `${safeName(title)}.costudio.json`);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMessage(null);
    } catch (error) {
      setMessage(t.t('backup.exportFailed', { reason: error instanceof Error ? error.message : '' }));
    }
  };

  return (
    <section className="backup-tools" aria-label={t.t('backup.label')}>
      <button type="button" onClick={() => void exportFile()}>
        {t.t('backup.json')}
      </button>
      <button type="button" onClick={() => download(renderBoardPng(readNotes(doc), title), `${safeName(title)}.png`)}>
        {t.t('backup.png')}
      </button>
      <label htmlFor={fileId}>{t.t('backup.import')}</label>
      <input
        id={fileId}
        type="file"
        accept="application/json,.json"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void importFile(file);
          event.target.value = '';
        }}
      />
      <p role="alert" className="backup-tools__message">
        {message}
      </p>
    </section>
  );
}
