import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Access } from '@costudio/shared';
import { CloseCode } from '@costudio/shared';
import type { Authorize, AuthorizeResult } from '../relay/authorize.ts';
import { generateJoinCode, normalizeJoinCode } from '../storage/joinCode.ts';
import type { LinkStore, ShareLink } from '../storage/LinkStore.ts';
import { signShareToken, verifyShareToken } from './shareToken.ts';

/**
 * `required`: every socket and API call needs a valid link (the CLI's default).
 * `optional`: no token means "may edit", as before share links existed; a token that is given
 * is still checked, so a view-only link stays view-only. For embedding and tests.
 */
export type LinkMode = 'required' | 'optional';

export interface IssueOptions {
  readonly label?: string;
  readonly expiresAt?: number | null;
}

/** A link as the API shows it: the record, plus its token, page path and join code while it still works. */
export interface IssuedLink extends Omit<ShareLink, 'code'> {
  readonly token: string | null;
  /** `/b/<id>#token=…`: the token stays in the fragment, which browsers never send to servers. */
  readonly path: string | null;
  /** Short code for typing (`/j/<code>`); null once revoked. */
  readonly code: string | null;
  /** `/j/<code>`, which redirects to `path`; null once revoked. */
  readonly joinPath: string | null;
}

/** Where a join code leads: the link's page path, or why it leads nowhere. */
export type JoinCodeTarget =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly problem: 'unknown' | 'revoked' | 'expired' };

/** The connection attempt's credential: `?token=` (sockets, stock clients) or `Authorization: Bearer`. */
export function tokenFrom(params: URLSearchParams, request: IncomingMessage | null): string | null {
  const fromQuery = params.get('token');
  if (fromQuery) return fromQuery;
  const header = request?.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/**
 * Makes, checks and revokes share links. Signature and expiry come from the token; whether the
 * link still exists and is not revoked comes from the store, on every check.
 */
export class ShareLinks {
  constructor(
    private readonly store: LinkStore,
    private readonly secret: Uint8Array,
    readonly mode: LinkMode,
    private readonly now: () => number = Date.now,
  ) {}

  async issue(boardId: string, access: Access, options: IssueOptions = {}): Promise<IssuedLink> {
    let code = generateJoinCode();
    // Collisions are rare (31⁸ codes), but a code must never lead to two links; the unique index backs this up.
    while (await this.store.getByCode(code)) code = generateJoinCode();
    const link: ShareLink = {
      id: randomBytes(9).toString('base64url'),
      boardId,
      access,
      label: options.label ?? '',
      createdAt: this.now(),
      expiresAt: options.expiresAt ?? null,
      revokedAt: null,
      code,
    };
    await this.store.create(link);
    return this.present(link);
  }

  async list(boardId: string): Promise<IssuedLink[]> {
    return (await this.store.listForBoard(boardId)).map((link) => this.present(link));
  }

  /** Revokes a link of `boardId`; null when the board has no such link. */
  async revoke(boardId: string, linkId: string): Promise<IssuedLink | null> {
    const existing = await this.store.get(linkId);
    if (!existing || existing.boardId !== boardId) return null;
    const revoked = await this.store.revoke(linkId, this.now());
    return revoked ? this.present(revoked) : null;
  }

  /** The access a credential grants on `boardId`, or the close code and reason that refuse it. */
  async check(boardId: string, token: string | null): Promise<AuthorizeResult> {
    if (!token) {
      if (this.mode === 'optional') return { access: 'edit', meta: { linkId: null, lockedOut: false } };
      return refuse(CloseCode.UNAUTHORIZED, 'This board needs a share link');
    }
    const verified = verifyShareToken(token, this.secret, this.now());
    if (!verified.ok) {
      return verified.problem === 'expired'
        ? refuse(CloseCode.LINK_EXPIRED, 'This link has expired')
        : refuse(CloseCode.UNAUTHORIZED, 'This link is not valid');
    }
    const { claims } = verified;
    if (claims.board !== boardId) return refuse(CloseCode.FORBIDDEN, 'This link is for another board');
    const link = await this.store.get(claims.linkId);
    if (!link || link.boardId !== boardId) return refuse(CloseCode.UNAUTHORIZED, 'This link is not valid');
    if (link.revokedAt !== null) return refuse(CloseCode.LINK_REVOKED, 'This link has been switched off');
    const expiries = [link.expiresAt, claims.expiresAt].filter((time): time is number => typeof time === 'number');
    const expiresAt = expiries.length > 0 ? Math.min(...expiries) : null;
    return { access: claims.access, meta: { linkId: link.id, lockedOut: false, expiresAt } };
  }

  /** The page a typed join code opens (any case, spaces or dashes allowed), with a freshly signed token. */
  async resolveJoinCode(typed: string): Promise<JoinCodeTarget> {
    const code = normalizeJoinCode(typed);
    const link = code ? await this.store.getByCode(code) : null;
    if (!link) return { ok: false, problem: 'unknown' };
    if (link.revokedAt !== null) return { ok: false, problem: 'revoked' };
    if (link.expiresAt !== null && link.expiresAt <= this.now()) return { ok: false, problem: 'expired' };
    const { path } = this.present(link);
    return path ? { ok: true, path } : { ok: false, problem: 'revoked' };
  }

  /** The relay's hook: the board's own links, by `?token=` or a Bearer header. */
  readonly authorize: Authorize = ({ boardId, params, request }) => this.check(boardId, tokenFrom(params, request));

  /**
   * For facilitator-only HTTP tools (history, backups): the link's access, and in optional mode
   * "facilitate" for a request without a link, as before share links existed.
   */
  readonly authorizeHttp: Authorize = async ({ boardId, params, request }) => {
    const token = tokenFrom(params, request);
    if (!token && this.mode === 'optional') return { access: 'facilitate' };
    return this.check(boardId, token);
  };

  private present(link: ShareLink): IssuedLink {
    const usable = link.revokedAt === null;
    const token = usable
      ? signShareToken(
          {
            board: link.boardId,
            access: link.access,
            linkId: link.id,
            ...(link.expiresAt === null ? {} : { expiresAt: link.expiresAt }),
          },
          this.secret,
        )
      : null;
    return {
      ...link,
      token,
      path: token ? `/b/${link.boardId}#token=${token}` : null,
      code: usable ? link.code : null,
      joinPath: usable ? `/j/${link.code}` : null,
    };
  }
}

function refuse(code: number, reason: string): AuthorizeResult {
  return { refuse: { code, reason } };
}
