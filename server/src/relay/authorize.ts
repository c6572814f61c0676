import type { IncomingMessage } from 'node:http';
import type { Access } from '@costudio/shared';
import type { ConnectionMeta } from './Connection.ts';

/** What `authorize` is told about a connection attempt. */
export interface AuthorizeContext {
  readonly boardId: string;
  /** The socket URL's query parameters (e.g. a share link's `token`, issue 7). */
  readonly params: URLSearchParams;
  /** The HTTP upgrade request, for headers such as cookies; do not keep a reference to it. */
  readonly request: IncomingMessage;
}

export type AuthorizeResult =
  | { readonly access: Access; readonly meta?: ConnectionMeta }
  /** The socket is opened and at once closed with this code and reason (use CloseCode values). */
  | { readonly refuse: { readonly code: number; readonly reason: string } };

/** Decides, before the board is loaded or synced, what a connection may do. */
export type Authorize = (context: AuthorizeContext) => Promise<AuthorizeResult>;

const EDIT: AuthorizeResult = { access: 'edit' };

/** The default until share links exist: anyone who knows a board's address may edit it. */
export const allowEveryoneToEdit: Authorize = () => Promise.resolve(EDIT);
