import { type ReactNode, useEffect } from 'react';
import type { Identity } from '../device/identity.ts';
import { LanguagePicker } from '../i18n/LanguagePicker.tsx';
import { useT } from '../i18n/useT.ts';
import { JoinForm } from './JoinForm.tsx';

/**
 * The first visit to a board: who are you, and how do you take part? `notice` (the privacy
 * notice, from the page above, which may import dataProtection/) comes before the form.
 */
export function JoinPage({
  remembered,
  onJoin,
  notice,
}: {
  remembered: Identity | null;
  onJoin(identity: Identity): void;
  notice?: ReactNode;
}) {
  const t = useT();
  useEffect(() => {
    document.title = t.t('join.documentTitle');
  }, [t]);
  return (
    <main className="join-page">
      <LanguagePicker />
      <h1>{t.t('join.title')}</h1>
      <p>{t.t('join.intro')}</p>
      {notice}
      <div className="card">
        <JoinForm
          initial={remembered}
          submitLabel={t.t('join.title')}
          onSubmit={(identity) => {
            // A long notice scrolls the page on a phone; the board must open at its top.
            window.scrollTo(0, 0);
            onJoin(identity);
          }}
        />
      </div>
    </main>
  );
}
