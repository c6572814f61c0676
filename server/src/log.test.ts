import { describe, expect, it } from 'vitest';
import { createLogger, redactTokens } from './log.ts';

function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: string[] = [];
  return { lines, logger: createLogger(level, (line) => lines.push(line)) };
}

describe('createLogger', () => {
  it('writes one JSON object per line with level, time and message', () => {
    const { lines, logger } = capture('info');
    logger.info('listening', { port: 1234 });
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0] as string);
    expect(record).toMatchObject({ level: 'info', msg: 'listening', port: 1234 });
    expect(Date.parse(record.time)).not.toBeNaN();
  });

  it('drops lines below the level and writes nothing when silent', () => {
    const warn = capture('warn');
    warn.logger.info('hidden');
    warn.logger.error('shown');
    expect(warn.lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
    const silent = capture('silent');
    silent.logger.error('nothing');
    expect(silent.lines).toEqual([]);
  });

  it('removes token values from logged URLs, messages and errors', () => {
    const { lines, logger } = capture('debug');
    logger.info('connection refused ?token=abc', {
      url: '/sync/board?saved=1&token=s3cr3t.sig&x=1',
      error: new Error('bad link /sync/b?token=zzz'),
    });
    const line = lines[0] as string;
    expect(line).not.toMatch(/s3cr3t|abc|zzz/);
    const record = JSON.parse(line);
    expect(record.url).toBe('/sync/board?saved=1&token=[redacted]&x=1');
    expect(record.error.message).toBe('bad link /sync/b?token=[redacted]');
  });

  it('survives fields that cannot be serialised', () => {
    const { lines, logger } = capture('info');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    logger.info('odd', { circular, big: 10n });
    expect(JSON.parse(lines[0] as string)).toMatchObject({ msg: 'odd', circular: { self: '[Circular]' }, big: 10 });
  });

  it("keeps an error's type, stack and cause, with tokens redacted in all of them", () => {
    const { lines, logger } = capture('info');
    const cause = new Error('link /sync/b?token=inner');
    logger.error('commit failed', { error: new TypeError('outer ?token=outer', { cause }) });
    const line = lines[0] as string;
    expect(line).not.toMatch(/inner|outer&|token=outer/);
    const record = JSON.parse(line);
    expect(record.level).toBe('error');
    expect(record.error.type).toBe('TypeError');
    expect(record.error.stack).toMatch(/^TypeError: outer \?token=\[redacted\]\n\s+at /);
    expect(record.error.stack).toContain('caused by: Error: link /sync/b?token=[redacted]');
  });

  it('redacts tokens in nested fields and at the start of a value', () => {
    const { lines, logger } = capture('info');
    logger.info('request', { request: { query: 'token=deep', list: ['/j?token=x1'] }, note: 'a\\token=b"c' });
    const record = JSON.parse(lines[0] as string);
    expect(record.request).toEqual({ query: 'token=[redacted]', list: ['/j?token=[redacted]'] });
    expect(lines[0]).not.toMatch(/deep|x1/);
  });
});

describe('redactTokens', () => {
  it.each([
    ['/sync/b?token=abc', '/sync/b?token=[redacted]'],
    ['token=abc&saved=1', 'token=[redacted]&saved=1'],
    ['/sync/b?mytoken=abc', '/sync/b?mytoken=abc'],
    ['no secrets here', 'no secrets here'],
    ['a ?TOKEN=X b', 'a ?TOKEN=[redacted] b'],
    ['"token=abc"', '"token=[redacted]"'],
    ['token=abc\\"x', 'token=[redacted]\\"x'],
  ])('%s -> %s', (input, expected) => {
    expect(redactTokens(input)).toBe(expected);
  });
});
