import type { ReadOnlyCause } from './readOnlyCause.ts';
import './notices.css';

/**
 * The line under the header saying why the board cannot be changed here, in words that fit the
 * reason. Only a board from a newer Costudio asks for a reload: for the others a reload does not
 * help. The live region stays in the page, so a lock or unlock during a meeting is heard.
 */
export function ReadOnlyNotice({ cause }: { cause: ReadOnlyCause | null }) {
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
    </div>
  );
}
