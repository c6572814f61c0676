export type { RoleWord } from './boardWords.ts';
export { colorName, lanePrompt, laneTitle, roleWord } from './boardWords.ts';
export type { MessageId } from './catalogs.ts';
export { CATALOGS, EN_MESSAGES } from './catalogs.ts';
export type { Locale, RealLocale } from './locales.ts';
export { DEFAULT_LOCALE, isLocale, LOCALE_NAMES, LOCALES, localeDirection, matchLocale, PSEUDO_LOCALES } from './locales.ts';
export { pseudoBidi, pseudoLong } from './pseudo.ts';
export type { MessageValues, Translator } from './translator.ts';
export { ENGLISH, translator } from './translator.ts';
