import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, helpText, parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = parseConfig({});
    expect(config.port).toBe(1234);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toMatch(/[/\\]data$/);
    expect(config.unloadDelayMs).toBe(30_000);
    expect(config.logLevel).toBe('info');
    expect(config.compactMaxUpdates).toBe(DEFAULTS.compactMaxUpdates);
    expect(config.compactMaxBytes).toBe(DEFAULTS.compactMaxBytes);
    expect(config.sqliteSynchronous).toBe('FULL');
    // No DATABASE_URL: SQLite stays the default.
    expect(config.databaseUrl).toBeUndefined();
    expect(config.databasePoolSize).toBe(10);
  });

  it('reads every variable', () => {
    const config = parseConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: '/tmp/costudio-data',
      CLIENT_DIR: '/tmp/client',
      UNLOAD_DELAY_MS: '10',
      LOG_LEVEL: 'WARN',
      COMPACT_MAX_UPDATES: '5',
      COMPACT_MAX_BYTES: '2048',
      SQLITE_SYNCHRONOUS: 'normal',
      TRUST_PROXY: 'yes',
      DATABASE_URL: ' postgres://costudio:secret@db.example:5432/costudio ',
      DATABASE_POOL_SIZE: '4',
      MAX_CONNECTIONS_PER_ADDRESS: '1000',
    });
    expect(config).toEqual({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/tmp/costudio-data',
      clientDir: '/tmp/client',
      unloadDelayMs: 10,
      logLevel: 'warn',
      compactMaxUpdates: 5,
      compactMaxBytes: 2048,
      sqliteSynchronous: 'NORMAL',
      databaseUrl: 'postgres://costudio:secret@db.example:5432/costudio',
      databasePoolSize: 4,
      requireLinks: true,
      trustProxy: true,
      maxConnectionsPerAddress: 1000,
    });
  });

  it('reads REDIS_URL and REDIS_PREFIX, and leaves both out without REDIS_URL', () => {
    expect(parseConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2', REDIS_PREFIX: 'region1:' })).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379/2',
      redisPrefix: 'region1:',
    });
    expect(parseConfig({ REDIS_PREFIX: 'region1:' })).not.toHaveProperty('redisPrefix');
    expect(() => parseConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL must start with redis:\/\//);
  });

  it('treats blank values as unset', () => {
    expect(parseConfig({ PORT: '  ', HOST: '' }).port).toBe(1234);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
    [{ PORT: '-1' }, /PORT must be a whole number/],
    [{ UNLOAD_DELAY_MS: '1.5' }, /UNLOAD_DELAY_MS/],
    [{ COMPACT_MAX_UPDATES: '0' }, /COMPACT_MAX_UPDATES must be between 1/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ SQLITE_SYNCHRONOUS: 'OFF' }, /SQLITE_SYNCHRONOUS must be NORMAL or FULL/],
    [{ DATABASE_URL: 'mysql://db/costudio' }, /DATABASE_URL must start with postgres:\/\//],
    [{ DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE must be between 1/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});

describe('helpText', () => {
  it('lists every variable with its default', () => {
    const text = helpText();
    for (const name of [
      'PORT',
      'HOST',
      'DATA_DIR',
      'UNLOAD_DELAY_MS',
      'LOG_LEVEL',
      'SQLITE_SYNCHRONOUS',
      'DATABASE_URL',
      'DATABASE_POOL_SIZE',
      'REDIS_URL',
      'REDIS_PREFIX',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('default: 1234');
    expect(text).toContain('default: unset = SQLite in DATA_DIR');
  });

  it('never repeats a DATABASE_URL, which may hold a password, in its error', () => {
    expect(() => parseConfig({ DATABASE_URL: 'mysql://user:hunter2@db/costudio' })).toThrow(/^(?!.*hunter2)/);
  });
});

describe('the privacy notice', () => {
  it('reads the operator’s words and whether they extend or replace Costudio’s', () => {
    expect(parseConfig({}).privacyNotice).toBeUndefined();
    expect(parseConfig({ PRIVACY_NOTICE: ' Ward 7 Trust.\\n\\nAsk the DPO. ' }).privacyNotice).toEqual({
      text: 'Ward 7 Trust.\n\nAsk the DPO.',
      mode: 'extend',
    });
    expect(parseConfig({ PRIVACY_NOTICE: 'Ours', PRIVACY_NOTICE_MODE: 'Replace' }).privacyNotice?.mode).toBe('replace');
    expect(() => parseConfig({ PRIVACY_NOTICE_MODE: 'append' })).toThrow(ConfigError);
  });
});

describe('retention', () => {
  it('reads RETENTION_DAYS when set, within 1 to 36,500 days', () => {
    expect(parseConfig({}).retentionDays).toBeUndefined();
    expect(parseConfig({ RETENTION_DAYS: '90' }).retentionDays).toBe(90);
    expect(() => parseConfig({ RETENTION_DAYS: '0' })).toThrow(ConfigError);
    expect(() => parseConfig({ RETENTION_DAYS: 'soon' })).toThrow(ConfigError);
  });
});
