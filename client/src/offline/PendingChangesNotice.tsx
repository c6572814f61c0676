import type { SyncStatus } from '../sync/syncStatus.ts';
import { describePending, type PendingChanges } from './PendingChanges.ts';
import { usePendingChanges } from './usePendingChanges.ts';

/**
 * "2 notes not yet saved (kept on this device)" while the relay cannot be reached. Plain text beside the
 * sync status (which is the page's one role="status"); hidden while connected, where a change
 * waits only for a moment and "Saving…" already says so.
 */
export function PendingChangesNotice({ pending, status }: { pending: PendingChanges; status: SyncStatus }) {
  const waiting = usePendingChanges(pending);
  if ((waiting.notes === 0 && waiting.other === 0) || status.kind === 'saved' || status.kind === 'saving') return null;
  return (
    <span className="pending-changes" data-testid="pending-changes">
      {describePending(waiting)}
    </span>
  );
}
