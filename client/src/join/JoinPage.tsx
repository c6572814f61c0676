import { type ReactNode, useEffect } from 'react';
import type { Identity } from '../device/identity.ts';
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
  useEffect(() => {
    document.title = 'Join the board – Costudio';
  }, []);
  return (
    <main className="join-page">
      <h1>Join the board</h1>
      <p>No account is needed. This device will remember you; you can change it later.</p>
      {notice}
      <div className="card">
        <JoinForm
          initial={remembered}
          submitLabel="Join the board"
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
