/**
 * Whether `error` means storage has no room left: SQLite's SQLITE_FULL ("database or disk is
 * full", also past `max_page_count`), the file system's ENOSPC or EDQUOT, or PostgreSQL's
 * disk_full (SQLSTATE 53100). Such a write can succeed later; nothing is wrong with the request.
 */
export function isStorageFull(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || code === '53100';
}
