import { boardToken, claimedAccess } from '../device/boardTokens.ts';
import { createLink, joinUrl, linkUrl, listLinks } from '../share/linksApi.ts';

const PROJECTOR_LABEL = 'Projector join link';

/** What the room's screen shows to join with: an address, and the short code when there is one. */
export interface ProjectorJoin {
  readonly url: string;
  /** The link's join code (the address is then `…/j/<code>`); null when only a full address is known. */
  readonly code: string | null;
}

/**
 * The "can edit" address the room's screen shows. A facilitator's screen uses (or makes) an
 * edit link and shows its short `/j/<code>` address; a screen holding an edit link shows that
 * one in full (only facilitators can look up its code); on a server without required links
 * the plain board address already lets people edit. Null for a view-only screen.
 */
export async function projectorJoin(boardId: string): Promise<ProjectorJoin | null> {
  const token = boardToken(boardId);
  const access = claimedAccess(token);
  const plain = `${location.origin}/b/${boardId}`;
  if (!token || !access) return { url: plain, code: null };
  if (access === 'edit') return { url: `${plain}#token=${token}`, code: null };
  if (access === 'view') return null;
  const links = await listLinks(boardId, token);
  const now = Date.now();
  const link =
    links.find(
      (candidate) =>
        candidate.access === 'edit' &&
        candidate.revokedAt === null &&
        (candidate.expiresAt === null || candidate.expiresAt > now + 60_000),
    ) ?? (await createLink(boardId, token, { access: 'edit', label: PROJECTOR_LABEL }));
  const short = joinUrl(link);
  if (short && link.code) return { url: short, code: link.code };
  const full = linkUrl(link);
  return full ? { url: full, code: null } : null;
}

/** "ABCD EFGH": a code in two groups, easier to read aloud and to copy. */
export function spacedCode(code: string): string {
  return code.length > 4 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}
