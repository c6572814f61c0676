import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
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
  const t = useT();
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
      <h2 id="privacy-notice-title">{t.t('privacy.title')}</h2>
      {!replaced && (
        <ul>
          <li>{t.t('privacy.readers')}</li>
          <li>{t.t('privacy.kept')}</li>
          <li>{t.t('privacy.erase')}</li>
          <li>{t.t('privacy.device')}</li>
        </ul>
      )}
      {operator?.text?.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
    </section>
  );
}
