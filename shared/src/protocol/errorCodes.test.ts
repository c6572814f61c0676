import { describe, expect, it } from 'vitest';
import { EN_MESSAGES } from '../i18n/catalogs.ts';
import { translator } from '../i18n/translator.ts';
import { describeServerError, ERROR_CODES, errorCodeOf } from './errorCodes.ts';

const body = (code: unknown, message = 'This link has expired') => ({ error: { code, message } });

describe('server error codes', () => {
  it('gives every code the server sends a message in English and Welsh', () => {
    const en = translator('en');
    const cy = translator('cy');
    for (const code of ERROR_CODES) {
      expect(Object.hasOwn(EN_MESSAGES, `serverError.${code}`), code).toBe(true);
      const english = describeServerError(body(code), en);
      const welsh = describeServerError(body(code), cy);
      expect(english, code).not.toBe(en.t('serverError.unknown'));
      expect(welsh, code).not.toBe(english);
    }
  });

  it('has no catalog message for a code the server does not send', () => {
    // `serverError.<code>` is a code's message; unknown/unreachable and dotted ids (joinCode.*,
    // too_many_boards.wait) are the client's and the join page's own.
    const ids = Object.keys(EN_MESSAGES).filter(
      (id) => /^serverError\.[a-z_]+$/.test(id) && !['serverError.unknown', 'serverError.unreachable'].includes(id),
    );
    expect(ids.map((id) => id.slice('serverError.'.length)).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('shows the catalog message, not the server’s English', () => {
    const message = describeServerError(body('link_expired'), translator('cy'));
    expect(message).toBe('Mae’r ddolen hon wedi dod i ben. Gofynnwch i’r hwylusydd am un newydd.');
    expect(message).not.toContain('expired');
  });

  it('falls back to the caller’s message, then a generic one, for unknown codes and odd bodies', () => {
    const cy = translator('cy');
    for (const odd of [body('made_up_by_a_newer_server'), body(42), { error: 'Nope' }, null, 'text', []]) {
      expect(errorCodeOf(odd)).toBeUndefined();
      expect(describeServerError(odd, cy)).toBe(cy.t('serverError.unknown'));
      expect(describeServerError(odd, cy, 'Methodd.')).toBe('Methodd.');
    }
  });
});
