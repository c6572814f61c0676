import { type Access, describeServerError } from '@costudio/shared';
import { currentTranslator } from '../i18n/localeChoice.ts';

/** A share link as `GET/POST /api/boards/<id>/links` describe it (docs/api.md). */
export interface ShareLink {
  id: string;
  access: Access;
  label: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  token: string | null;
  path: string | null;
  /** Short code for typing; null once revoked. */
  code: string | null;
  /** `/j/<code>`, which redirects to `path`; null once revoked. */
  joinPath: string | null;
}

async function call<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
  } catch {
    throw new Error(currentTranslator().t('links.failed'));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const t = currentTranslator();
    throw new Error(describeServerError(body, t, t.t('links.failed')));
  }
  return body as T;
}

export async function listLinks(boardId: string, token: string): Promise<ShareLink[]> {
  return (await call<{ links: ShareLink[] }>(`/api/boards/${boardId}/links`, token)).links;
}

export function createLink(
  boardId: string,
  token: string,
  request: { access: Access; label: string; expiresInMinutes?: number },
): Promise<ShareLink> {
  return call<ShareLink>(`/api/boards/${boardId}/links`, token, { method: 'POST', body: JSON.stringify(request) });
}

export async function revokeLink(boardId: string, token: string, linkId: string): Promise<void> {
  await call(`/api/boards/${boardId}/links/${linkId}`, token, { method: 'DELETE' });
}

/** The absolute address of a link, for copying or a QR code. */
export function linkUrl(link: ShareLink): string | null {
  return link.path ? `${location.origin}${link.path}` : null;
}

/** The short absolute address of a link (`…/j/<code>`), for typing from a screen. */
export function joinUrl(link: ShareLink): string | null {
  return link.joinPath ? `${location.origin}${link.joinPath}` : null;
}
