import type { BalancePrompt } from '@costudio/shared';
import { useState } from 'react';
import { useT } from '../i18n/useT.ts';
import './balance.css';

/**
 * The facilitator's gentle prompts ("Lay participants wrote 2 of 30 notes in Decide — invite
 * them in?"). Polite: announced when the screen reader is idle, never as an alert. Dismissing
 * one hides it for this lane and kind of contribution for the rest of the session, even as its
 * numbers change. The live region stays in the page so a prompt that appears is read.
 */
export function BalancePrompts({ prompts }: { prompts: readonly BalancePrompt[] }) {
  const t = useT();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const shown = prompts.filter((prompt) => !dismissed.has(promptKey(prompt)));
  return (
    <div className="balance-prompts" aria-live="polite" data-testid="balance-prompts">
      {shown.map((prompt) => (
        <p key={promptKey(prompt)} className="balance-prompt">
          <span>{prompt.message}</span>
          <button
            type="button"
            className="balance-prompt__dismiss"
            aria-label={t.t('balance.dismissWhat', { message: prompt.message })}
            onClick={() => setDismissed((previous) => new Set([...previous, promptKey(prompt)]))}
          >
            {t.t('balance.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}

function promptKey(prompt: Pick<BalancePrompt, 'area' | 'metric'>): string {
  return `${prompt.area}:${prompt.metric}`;
}
