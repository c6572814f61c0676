import { createIntl } from '@formatjs/intl';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalogs.ts';
import { formatPlainMessage } from './plainMessage.ts';
import { translator } from './translator.ts';

describe('translator', () => {
  it('answers each message with its own values, however often it is asked', () => {
    const en = translator('en');
    for (let round = 0; round < 2; round++) {
      expect(en.t('share.points', { sign: 'plus', points: 1 })).toBe('+1 point');
      expect(en.t('share.points', { sign: 'plus', points: 3 })).toBe('+3 points');
      expect(en.t('share.points', { sign: 'minus', points: 3 })).toBe('−3 points');
      expect(en.t('share.points', { points: 3, sign: 'plus' })).toBe('+3 points');
    }
  });

  it('keeps each language to itself', () => {
    expect(translator('en').t('share.points', { sign: 'plus', points: 2 })).toBe('+2 points');
    expect(translator('cy').t('share.points', { sign: 'plus', points: 2 })).not.toBe('+2 points');
  });

  it('formats plain messages itself exactly as FormatJS does, in every language', () => {
    let plain = 0;
    for (const [locale, messages] of Object.entries(CATALOGS)) {
      const intl = createIntl({ locale: locale === 'cy' ? 'cy' : 'en-GB', messages, onError: () => {} });
      for (const [id, message] of Object.entries(messages)) {
        // Every argument a string, as a name or a lane's title would be.
        const values = Object.fromEntries([...message.matchAll(/\{(\w+)/g)].map(([, name]) => [name, `«${name}»`]));
        const own = formatPlainMessage(message, values);
        if (own === undefined) continue;
        plain++;
        expect(own, `${locale} ${id}`).toBe(intl.formatMessage({ id }, values));
      }
    }
    // Most of the words on a screen take this way; a change that sent them all to FormatJS
    // would pass the comparison above without this.
    expect(plain).toBeGreaterThan(500);
  });

  it('leaves plurals, numbers and quotes to FormatJS', () => {
    expect(formatPlainMessage('{count, plural, one {# note} other {# notes}}', { count: 1 })).toBeUndefined();
    expect(formatPlainMessage('{count} notes', { count: 2 })).toBeUndefined();
    expect(formatPlainMessage("It''s {name}", { name: 'Lee' })).toBeUndefined();
    expect(formatPlainMessage('Hello {name}', { name: 'Lee' })).toBe('Hello Lee');
    expect(translator('en').t('share.points', { sign: 'minus', points: 1 })).toBe('−1 point');
    expect(translator('en').t('canvas.authorLine', { role: 'Lay participant', name: 'Lee' })).toBe('Lay participant · Lee');
  });
});
