import type { Translator } from '@costudio/shared';
import { authorizationHeaders } from '../device/boardTokens.ts';
import { fetchJson } from '../i18n/fetchExplained.ts';
import { currentTranslator } from '../i18n/localeChoice.ts';

/** One saved version of a board, as the server lists it (docs/history.md). */
export interface BoardVersion {
  readonly id: number;
  readonly createdAt: number;
  readonly kind: 'auto' | 'last-leave' | 'named' | 'before-restore';
  readonly name: string | null;
  readonly noteCount: number;
}

/** A version's content, for the read-only preview. */
export interface VersionPreview {
  readonly version: BoardVersion;
  readonly board: { readonly notes: readonly { id: string; lane: string; text: string }[] };
}

/** A history call with the board's facilitator link as its credential (docs/history.md). */
async function call<T>(boardId: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...authorizationHeaders(boardId), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  return fetchJson<T>(path, init, currentTranslator());
}

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/history`;

export const listVersions = (boardId: string) =>
  call<{ versions: BoardVersion[] }>(boardId, base(boardId)).then((r) => r.versions);
export const saveVersion = (boardId: string, name: string) =>
  call<{ version: BoardVersion }>(boardId, base(boardId), { name }).then((r) => r.version);
export const previewVersion = (boardId: string, id: number) => call<VersionPreview>(boardId, `${base(boardId)}/${id}`);
export const restoreVersion = (boardId: string, id: number) =>
  call<{ changed: boolean }>(boardId, `${base(boardId)}/${id}/restore`, {});

/** "After workshop 2" for named versions, else why it was kept, in `t`'s language. */
export function versionLabel(version: BoardVersion, t: Translator = currentTranslator()): string {
  return version.name ?? t.t(`history.kind.${version.kind}`);
}
