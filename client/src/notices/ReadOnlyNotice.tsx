import type { Translator } from '@costudio/shared';
import { useT } from '../i18n/useT.ts';
import type { PendingChanges, PendingSummary } from '../offline/PendingChanges.ts';
import { usePendingChanges } from '../offline/usePendingChanges.ts';
import type { ReadOnlyCause } from './readOnlyCause.ts';
import './notices.css';

/**
 * The line under the header saying why the board cannot be changed here, in words that fit the
 * reason. Only a board from a newer Costudio asks for a reload: for the others a reload does not
 * help. The live region stays in the page, so a lock or unlock during a meeting is heard.
 */
export function ReadOnlyNotice({ cause, pending }: { cause: ReadOnlyCause | null; pending: PendingChanges }) {
  const t = useT();
  return (
    <div aria-live="polite" data-testid="read-only-notice">
      {cause === 'too-new' && <p className="board-notice board-notice--warning">{t.t('notice.tooNew')}</p>}
      {cause === 'view-only' && <p className="board-notice">{t.t('notice.viewOnly')}</p>}
      {cause === 'locked' && <p className="board-notice">{t.t('notice.locked')}</p>}
      {(cause === 'link-switched-off' || cause === 'link-expired' || cause === 'link-not-valid') && (
        <div className="board-notice board-notice--warning">
          <p>{t.t(`notice.${cause}`)}</p>
          <UnsentChanges pending={pending} />
        </div>
      )}
    </div>
  );
}

/** The changes this device made that the relay never confirmed; they stay in its local copy. */
function UnsentChanges({ pending }: { pending: PendingChanges }) {
  const t = useT();
  const summary = usePendingChanges(pending);
  if (summary.notes === 0 && summary.other === 0) return null;
  return (
    <p data-testid="unsent-changes">
      {unsentWords(summary, t)} {t.t('notice.unsentKept')}
    </p>
  );
}

/** "2 notes were not sent from this device.": a person thinks in notes, not keystrokes. */
function unsentWords({ notes, other }: PendingSummary, t: Translator): string {
  return t.t('notice.unsent', { notes, other, total: notes + other, both: notes > 0 && other > 0 ? 'yes' : 'no' });
}
