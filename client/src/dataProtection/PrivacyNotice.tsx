import { useEffect, useState } from 'react';
import './dataProtection.css';

interface OperatorNotice {
  readonly text: string | null;
  readonly mode: 'extend' | 'replace';
}

/**
 * What happens to what you write, in plain words, before the first note (issue 15): who sees
 * it, posting anonymously, how long it is kept, how to have it erased. The operator may extend
 * or replace it (PRIVACY_NOTICE, docs/privacy.md); their text is shown as plain paragraphs.
 */
export function PrivacyNotice() {
  const [operator, setOperator] = useState<OperatorNotice | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/privacy-notice')
      .then((response) => (response.ok ? (response.json() as Promise<OperatorNotice>) : null))
      .then((notice) => {
        if (live && notice && typeof notice.text === 'string') setOperator(notice);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  const replaced = operator?.mode === 'replace';
  return (
    <section className="privacy-notice" aria-labelledby="privacy-notice-title">
      <h2 id="privacy-notice-title">What happens to what you write</h2>
      {!replaced && (
        <ul>
          <li>Everyone with a link to this board can read your notes. Your name is shown on them unless you post anonymously.</li>
          <li>Your notes are kept on the server until the board is deleted, including in saved versions of the board.</li>
          <li>
            You can erase the notes you write here, from the board and its saved versions, under “Your data”. A facilitator can
            erase anything you wrote, or delete the whole board.
          </li>
          <li>
            This device keeps a copy of the board so it works offline. “Your data” can forget it, for example on a shared
            computer.
          </li>
        </ul>
      )}
      {operator?.text?.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </section>
  );
}
