import type { PendingChanges, PendingSummary } from '../offline/PendingChanges.ts';
import { usePendingChanges } from '../offline/usePendingChanges.ts';
import type { ReadOnlyCause } from './readOnlyCause.ts';
import './notices.css';

/** What a refused link means for the person, in plain words (issue 12, item 8). */
const LINK_WORDS: Record<Extract<ReadOnlyCause, `link-${string}`>, string> = {
  'link-switched-off': 'This link has been switched off by the facilitator. Ask them for a new link.',
  'link-expired': 'This link has expired. Ask the facilitator for a new one.',
  'link-not-valid': 'This link is not valid. Ask the facilitator for a new one.',
};

/**
 * The line under the header saying why the board cannot be changed here, in words that fit the
 * reason. Only a board from a newer Costudio asks for a reload: for the others a reload does not
 * help. The live region stays in the page, so a lock or unlock during a meeting is heard.
 */
export function ReadOnlyNotice({ cause, pending }: { cause: ReadOnlyCause | null; pending: PendingChanges }) {
  return (
    <div aria-live="polite" data-testid="read-only-notice">
      {cause === 'too-new' && (
        <p className="board-notice board-notice--warning">
          This board was made with a newer version of Costudio. You can look at it but not change it here. Reload the page to get
          the newer version.
        </p>
      )}
      {cause === 'view-only' && (
        <p className="board-notice">You are viewing this board. You can follow along but not change it.</p>
      )}
      {cause === 'locked' && (
        <p className="board-notice">
          The facilitator has locked the board, so notes cannot be added, moved or changed just now. It will open again when they
          unlock it. You can still look around.
        </p>
      )}
      {(cause === 'link-switched-off' || cause === 'link-expired' || cause === 'link-not-valid') && (
        <div className="board-notice board-notice--warning">
          <p>{LINK_WORDS[cause]}</p>
          <UnsentChanges pending={pending} />
        </div>
      )}
    </div>
  );
}

/** The changes this device made that the relay never confirmed; they stay in its local copy. */
function UnsentChanges({ pending }: { pending: PendingChanges }) {
  const summary = usePendingChanges(pending);
  if (summary.notes === 0 && summary.other === 0) return null;
  return (
    <p data-testid="unsent-changes">
      {unsentWords(summary)} They are kept on this device, and are sent if you open this board again with a new link.
    </p>
  );
}

/** "2 notes were not sent from this device.": a person thinks in notes, not keystrokes. */
function unsentWords({ notes, other }: PendingSummary): string {
  const parts: string[] = [];
  if (notes > 0) parts.push(notes === 1 ? '1 note' : `${notes} notes`);
  if (other > 0) parts.push(other === 1 ? '1 other change' : `${other} other changes`);
  return `${parts.join(' and ')} ${notes + other === 1 ? 'was' : 'were'} not sent from this device.`;
}
