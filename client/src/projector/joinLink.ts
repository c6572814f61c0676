import { boardToken, claimedAccess } from '../share/boardTokens.ts';
import { createLink, linkUrl, listLinks } from '../share/linksApi.ts';

const PROJECTOR_LABEL = 'Projector join link';

/**
 * The "can edit" address the room's screen shows. A facilitator's screen uses (or makes) an
 * edit link; a screen holding an edit link shows that one; on a server without required links
 * the plain board address already lets people edit. Null for a view-only screen.
 */
export async function projectorJoinUrl(boardId: string): Promise<string | null> {
  const token = boardToken(boardId);
  const access = claimedAccess(token);
  const plain = `${location.origin}/b/${boardId}`;
  if (!token || !access) return plain;
  if (access === 'edit') return `${plain}#token=${token}`;
  if (access === 'view') return null;
  const links = await listLinks(boardId, token);
  const now = Date.now();
  const usable = links.find(
    (link) => link.access === 'edit' && link.revokedAt === null && (link.expiresAt === null || link.expiresAt > now + 60_000),
  );
  return linkUrl(usable ?? (await createLink(boardId, token, { access: 'edit', label: PROJECTOR_LABEL })));
}
