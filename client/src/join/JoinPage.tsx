import { useEffect } from 'react';
import { PrivacyNotice } from '../dataProtection/PrivacyNotice.tsx';
import type { Identity } from '../device/identity.ts';
import { JoinForm } from './JoinForm.tsx';

/** The first visit to a board: who are you, and how do you take part? */
export function JoinPage({ remembered, onJoin }: { remembered: Identity | null; onJoin(identity: Identity): void }) {
  useEffect(() => {
    document.title = 'Join the board – Costudio';
  }, []);
  return (
    <main className="join-page">
      <h1>Join the board</h1>
      <p>No account is needed. This device will remember you; you can change it later.</p>
      <PrivacyNotice />
      <div className="card">
        <JoinForm initial={remembered} submitLabel="Join the board" onSubmit={onJoin} />
      </div>
    </main>
  );
}
