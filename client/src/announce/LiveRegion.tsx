import { useSyncExternalStore } from 'react';
import type { Announcer } from './Announcer.ts';

/**
 * The polite live region screen readers read the board's announcements from. It is in the
 * page from the start (a region added together with its text is often not read), and it is
 * not role="status": the sync status already is, and there should be one of those.
 */
export function LiveRegion({ announcer }: { announcer: Announcer }) {
  const { text } = useSyncExternalStore(announcer.subscribe, announcer.getSnapshot);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcements">
      {text}
    </div>
  );
}
