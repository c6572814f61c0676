import { isLocale, type Locale, localeDirection, matchLocale, type Translator, translator } from '@costudio/shared';

const KEY = 'costudio.locale';
const CHANGE_EVENT = 'costudio:locale';

/**
 * The language this device reads Costudio in: the person's choice (start page, join page,
 * settings), else the browser's languages. Kept in localStorage like the other device settings;
 * i18n/ sits below device/'s siblings, so it reads the key itself and never throws.
 */
export function readLocale(): Locale {
  try {
    const stored = localStorage.getItem(KEY);
    const parsed = stored === null ? null : (JSON.parse(stored) as unknown);
    if (isLocale(parsed)) return parsed;
  } catch {
    // Blocked storage: fall through to the browser's languages.
  }
  return matchLocale(typeof navigator === 'undefined' ? [] : navigator.languages);
}

export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(locale));
  } catch {
    // Forgetting the choice is acceptable; the page still switches for this visit.
  }
  chosenThisVisit = locale;
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

let chosenThisVisit: Locale | null = null;

/** The translator for this device's language, for code outside React (announcements). */
export function currentTranslator(): Translator {
  return translator(chosenThisVisit ?? readLocale());
}

export function subscribeLocale(onChange: () => void): () => void {
  // Another tab chose a language: its stored choice wins over this tab's earlier one.
  const onStorage = () => {
    chosenThisVisit = null;
    onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

/** Sets `<html lang dir>` now and whenever the language changes, on every page. */
export function applyLocale(root: HTMLElement = document.documentElement): () => void {
  const apply = () => {
    const locale = currentTranslator().locale;
    root.lang = locale;
    root.dir = localeDirection(locale);
  };
  apply();
  return subscribeLocale(apply);
}
