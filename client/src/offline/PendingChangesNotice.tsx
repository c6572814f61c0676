import type { SyncStatus } from '../sync/syncStatus.ts';
import type { PendingChanges } from './PendingChanges.ts';
import { usePendingChanges } from './usePendingChanges.ts';

/**
 * "3 changes waiting on this device" while the relay cannot be reached. Plain text beside the
 * sync status (which is the page's one role="status"); hidden while connected, where a change
 * waits only for a moment and "Saving…" already says so.
 */
export function PendingChangesNotice({ pending, status }: { pending: PendingChanges; status: SyncStatus }) {
  const count = usePendingChanges(pending);
  if (count === 0 || status.kind === 'saved' || status.kind === 'saving') return null;
  return (
    <span className="pending-changes" data-testid="pending-changes">
      {count === 1 ? '1 change waiting on this device' : `${count} changes waiting on this device`}
    </span>
  );
}
