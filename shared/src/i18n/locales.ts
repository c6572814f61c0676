/**
 * The languages Costudio speaks. `en` and `cy` are complete; the two pseudo-locales exist to
 * test the layout (`en-XA`: every string about 40 % longer, accented) and mirroring (`ar-XB`:
 * English words shown right to left), as Chromium and Android do.
 */
export const LOCALES = ['en', 'cy'] as const;
export const PSEUDO_LOCALES = ['en-XA', 'ar-XB'] as const;

export type RealLocale = (typeof LOCALES)[number];
export type Locale = RealLocale | (typeof PSEUDO_LOCALES)[number];

export const DEFAULT_LOCALE: RealLocale = 'en';

/** Each language's name in itself, as a language picker shows it. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  cy: 'Cymraeg',
  'en-XA': '[Ƥšéûðô]',
  'ar-XB': '\u202eBidi\u202c',
};

export function isLocale(value: unknown): value is Locale {
  return (
    typeof value === 'string' &&
    ((LOCALES as readonly string[]).includes(value) || (PSEUDO_LOCALES as readonly string[]).includes(value))
  );
}

/** Text direction for `<html dir>`. */
export function localeDirection(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar-XB' ? 'rtl' : 'ltr';
}

/** The best locale for a browser's language list (navigator.languages), else English. */
export function matchLocale(preferred: readonly string[]): RealLocale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    const found = LOCALES.find((locale) => locale === base);
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}
