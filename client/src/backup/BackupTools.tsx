import { readNotes } from '@costudio/shared';
import { useId, useState } from 'react';
import type * as Y from 'yjs';
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
  const fileId = useId();
  const [message, setMessage] = useState<string | null>(null);

  const importFile = async (file: File) => {
    setMessage('Importing…');
    try {
      const response = await fetch('/api/boards/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: await file.text(),
      });
      const body = (await response.json()) as { path?: string; error?: { message: string } };
      if (!response.ok || !body.path) throw new Error(body.error?.message ?? `The server answered ${response.status}`);
      setMessage(null);
      navigate(body.path);
    } catch (error) {
      setMessage(`Could not import this file. ${error instanceof Error ? error.message : ''}`);
    }
  };

  return (
    <section className="backup-tools" aria-label="Backups">
      <button
        type="button"
        onClick={() => download(`/api/boards/${encodeURIComponent(boardId)}/export`, `${safeName(title)}.costudio.json`)}
      >
        Download board (JSON)
      </button>
      <button type="button" onClick={() => download(renderBoardPng(readNotes(doc), title), `${safeName(title)}.png`)}>
        Download picture (PNG)
      </button>
      <label htmlFor={fileId}>Import a board from a JSON file</label>
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
