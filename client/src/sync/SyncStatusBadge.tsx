import type { SyncStatus } from './syncStatus.ts';

/** Always on screen: whether the person's work is safe. role="status" makes changes heard. */
export function SyncStatusBadge({ status }: { status: SyncStatus }) {
  return (
    <div className={`sync-status sync-status--${status.kind}`} role="status" data-status={status.kind}>
      <span className="sync-status__dot" aria-hidden="true" />
      <span className="sync-status__label">{status.label}</span>
      {status.detail && <span className="sync-status__detail">{status.detail}</span>}
    </div>
  );
}
