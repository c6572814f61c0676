import { createIntl, createIntlCache, type FormatNumberOptions, type IntlShape } from '@formatjs/intl';
import { CATALOGS, EN_MESSAGES, type MessageId } from './catalogs.ts';
import { type Locale, localeDirection } from './locales.ts';
import { formatPlainMessage } from './plainMessage.ts';
import { pseudoBidi, pseudoCatalog, pseudoLong } from './pseudo.ts';

export type MessageValues = Readonly<Record<string, string | number>>;

/** Words, dates and numbers in one locale. Made by `translator(locale)`; cached per locale. */
export interface Translator {
  readonly locale: Locale;
  readonly dir: 'ltr' | 'rtl';
  /** The message `id` with its ICU arguments (plurals, numbers) filled in. */
  t(id: MessageId, values?: MessageValues): string;
  date(value: Date | number, options?: Intl.DateTimeFormatOptions): string;
  number(value: number, options?: FormatNumberOptions): string;
  /** "A, B and C" in the locale's words (Intl.ListFormat). */
  list(items: readonly string[]): string;
}

const cache = createIntlCache();
const made = new Map<Locale, Translator>();

function messagesFor(locale: Locale): Readonly<Record<MessageId, string>> {
  if (locale === 'en-XA') return pseudoCatalog(EN_MESSAGES, pseudoLong);
  if (locale === 'ar-XB') return pseudoCatalog(EN_MESSAGES, pseudoBidi);
  return CATALOGS[locale];
}

export function translator(locale: Locale): Translator {
  const existing = made.get(locale);
  if (existing) return existing;
  // Pseudo-locales format dates, numbers and plurals as English does.
  const intlLocale = locale === 'cy' ? 'cy' : 'en-GB';
  const messages = messagesFor(locale);
  // Made on first use: plain messages (formatPlainMessage) need neither FormatJS nor ICU.
  let shape: IntlShape<string> | undefined;
  const intl = (): IntlShape<string> => {
    shape ??= createIntl(
      {
        locale: intlLocale,
        defaultLocale: 'en-GB',
        messages,
        // A missing value must show as a gap, never throw while rendering.
        onError: (error) => {
          if (typeof console !== 'undefined') console.warn(`[i18n:${locale}]`, error.message);
        },
      },
      cache,
    );
    return shape;
  };
  const made1: Translator = {
    locale,
    dir: localeDirection(locale),
    t: remembered((id, values) => {
      const message = Object.hasOwn(messages, id) ? messages[id] : undefined;
      const plain = typeof message === 'string' ? formatPlainMessage(message, values) : undefined;
      return plain ?? (intl().formatMessage({ id, defaultMessage: EN_MESSAGES[id] }, values) as string);
    }),
    date: (value, options) => intl().formatDate(value, options),
    number: (value, options) => intl().formatNumber(value, options),
    // CLDR's Welsh "and" is "a(c)", and "a" would mutate the next word (a Phenderfynu), which
    // a lane's name should not do: Welsh lists lane names with commas alone.
    list: (items) => (locale === 'cy' ? items.join(', ') : (intl().formatList(items, { type: 'conjunction' }) as string)),
  };
  made.set(locale, made1);
  return made1;
}

/** More than the distinct messages a board's screens show; past it the memory starts over. */
const MAX_REMEMBERED = 5_000;

/**
 * `format` with each (message, values) answer kept: FormatJS merges its formats and serialises
 * its cache key on every call, about 50–100 µs, and a big board's first render asks for the same
 * byline and labels hundreds of times. A number and a string of the same digits are different
 * values (a plural takes one, a select the other), so the key keeps their type.
 */
function remembered(format: Translator['t']): Translator['t'] {
  const answers = new Map<string, string>();
  return (id, values) => {
    let key: string = id;
    if (values !== undefined) {
      for (const name in values) {
        const value = values[name];
        key += `\u0000${name}\u0001${typeof value === 'number' ? 'n' : 's'}${value}`;
      }
    }
    let text = answers.get(key);
    if (text === undefined) {
      text = format(id, values);
      if (answers.size >= MAX_REMEMBERED) answers.clear();
      answers.set(key, text);
    }
    return text;
  };
}

/** English, for the server's logs and for code that has no person's choice to follow. */
export const ENGLISH: Translator = translator('en');
