import type { MessageValues } from './translator.ts';

/** Text FormatJS gives back as it is: no argument, no ICU quote, no rich-text tag. */
const LITERAL = /^[^{}'<]*$/;
/** A bare `{name}` argument, filled in with its value as it is when that value is a string. */
const SIMPLE_ARGUMENT = /\{(\w+)\}/g;

/**
 * `message` formatted without FormatJS when that gives the same words: a message of plain text,
 * or plain text with bare `{name}` arguments whose values are strings. Most of a screen's words
 * are such messages, and FormatJS would parse each one and start ICU (about 20 ms on a laptop)
 * before the first picture. Undefined for anything else (plurals, selects, numbers, quotes,
 * tags), which FormatJS formats.
 */
export function formatPlainMessage(message: string, values?: MessageValues): string | undefined {
  if (LITERAL.test(message)) return message;
  if (values === undefined) return undefined;
  let formatted = '';
  let last = 0;
  for (const match of message.matchAll(SIMPLE_ARGUMENT)) {
    const before = message.slice(last, match.index);
    const value = values[match[1] as string];
    if (!LITERAL.test(before) || typeof value !== 'string') return undefined;
    formatted += before + value;
    last = match.index + match[0].length;
  }
  const rest = message.slice(last);
  return LITERAL.test(rest) ? formatted + rest : undefined;
}
