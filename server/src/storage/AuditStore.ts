import { ACCESS_LEVELS, type Access } from '@costudio/shared';

/**
 * What facilitators and operators did that an information-governance review asks about
 * (issue 15, docs/privacy.md). Names of actions are part of the export format: add, never rename.
 */
export const AUDIT_ACTIONS = [
  'board-created',
  'link-created',
  'link-revoked',
  'board-locked',
  'board-unlocked',
  'lanes-locked',
  'private-rooms-listed',
  'version-saved',
  'version-restored',
  'board-exported',
  'board-imported',
  'contributions-erased',
  'board-deleted',
  'subject-access-exported',
  'private-room-opened',
  'retention-changed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acted: someone holding a link (or anyone, on a server run without links), or the operator's CLI. */
export type AuditActor = 'link' | 'operator' | 'server';

/**
 * One record. Never note content, names or titles: ids, the action, and small counts or ids in
 * `details` (the version restored, the link revoked, how many notes were erased).
 */
export interface AuditEntry {
  readonly id: number;
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly boardId: string;
  readonly action: AuditAction;
  readonly actor: AuditActor;
  /** The link the request was made with; null for the operator, or a server without links. */
  readonly linkId: string | null;
  /** That link's access (what the server granted), null when there was no link. */
  readonly access: Access | null;
  readonly details: Readonly<Record<string, string | number | boolean>>;
}

export type AuditEntryToAppend = Omit<AuditEntry, 'id' | 'at'> & { readonly at?: number };

/**
 * The audit log: append-only (no update, no delete: a deleted board's entries stay, as the
 * record that it was deleted), kept beside the boards so it survives restarts and backups.
 */
export interface AuditStore {
  append(entry: AuditEntryToAppend): Promise<AuditEntry>;
  /** A board's entries, oldest first, at most `limit` of the newest. */
  listForBoard(boardId: string, limit?: number): Promise<AuditEntry[]>;
  /** Every entry at or after `since` (ms), oldest first: for the operator's export. */
  listAll(since?: number): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

/** An entry as both backends store it: `details` as JSON text, `access` and `actor` as text. */
export interface AuditRow {
  id: number;
  at: number;
  board_id: string;
  action: string;
  actor: string;
  link_id: string | null;
  access: string | null;
  details: string;
}

/** Reads a stored row back; what a newer Costudio wrote is kept as far as this one understands it. */
export function auditEntryFromRow(row: AuditRow): AuditEntry {
  let details: Record<string, string | number | boolean> = {};
  try {
    const parsed = JSON.parse(row.details) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) details = parsed as typeof details;
  } catch {
    // Unreadable details are shown as none rather than losing the entry.
  }
  return {
    id: row.id,
    at: row.at,
    boardId: row.board_id,
    // Entries written by a newer Costudio keep their action name as written.
    action: row.action as AuditAction,
    actor: (['link', 'operator', 'server'].includes(row.actor) ? row.actor : 'server') as AuditActor,
    linkId: row.link_id,
    access: ACCESS_LEVELS.includes(row.access as Access) ? (row.access as Access) : null,
    details,
  };
}
