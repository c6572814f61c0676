import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '@costudio/shared';
import { useId } from 'react';
import './i18n.css';
import { saveLocale } from './localeChoice.ts';
import { useT } from './useT.ts';

/**
 * Choose the language, on the start page, the join page and in settings. Each language is
 * named in itself ("Cymraeg"), so a person who cannot read the current one still finds theirs.
 * A pseudo-locale, once chosen (by a tester), stays listed so it can be left again.
 */
export function LanguagePicker({ className }: { className?: string }) {
  const t = useT();
  const id = useId();
  const choices: readonly Locale[] = (LOCALES as readonly Locale[]).includes(t.locale) ? LOCALES : [...LOCALES, t.locale];
  return (
    <div className={className ?? 'language-picker'}>
      <label htmlFor={id}>{t.t('language.label')}</label>
      <select
        id={id}
        value={t.locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) saveLocale(event.target.value);
        }}
      >
        {choices.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
