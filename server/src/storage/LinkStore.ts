import type { Access } from '@costudio/shared';

/** One share link of a board. The token itself is never stored: it is re-signed from these fields. */
export interface ShareLink {
  readonly id: string;
  readonly boardId: string;
  readonly access: Access;
  /** What the facilitator called it ("Projector", "Remote group"); may be empty. */
  readonly label: string;
  /** ms since the epoch. */
  readonly createdAt: number;
  /** ms since the epoch; null = never expires. */
  readonly expiresAt: number | null;
  /** ms since the epoch when the facilitator switched it off; null while it works. */
  readonly revokedAt: number | null;
  /** Short code for `/j/<code>` (auth/joinCode.ts): unique, upper case, typed or read aloud. */
  readonly code: string;
}

/** Where link records live. The relay asks it on every connection, so lookups must be cheap. */
export interface LinkStore {
  create(link: ShareLink): Promise<void>;
  get(linkId: string): Promise<ShareLink | null>;
  /** The link with this (normalized, upper-case) join code, revoked or not; null when none. */
  getByCode(code: string): Promise<ShareLink | null>;
  /** Every link of a board, oldest first, revoked ones included. */
  listForBoard(boardId: string): Promise<ShareLink[]>;
  /** Marks the link revoked at `at` (keeping the first revocation time); null when unknown. */
  revoke(linkId: string, at: number): Promise<ShareLink | null>;
  /** Deletes every link of the board, and so its join codes (the board is being deleted). */
  deleteForBoard(boardId: string): Promise<void>;
  close(): Promise<void>;
}
