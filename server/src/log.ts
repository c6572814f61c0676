/** Structured logging: one JSON object per line, so logs can be searched and shipped as they are. */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function isLogLevel(value: string): value is LogLevel {
  return Object.hasOwn(RANK, value);
}

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Where finished lines go; stdout by default, an array in tests. */
export type LogSink = (line: string) => void;

const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

// Share links (issue 7) carry secrets in `?token=`; a URL must never leak one into a log file.
const TOKEN_IN_QUERY = /((?:^|[?&;\s])token=)[^&#\s"]*/gi;

/** Replaces the value of every `token=` query parameter in a string. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_IN_QUERY, '$1[redacted]');
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactTokens(value);
  if (value instanceof Error) return { name: value.name, message: redactTokens(value.message) };
  return value;
}

export function createLogger(level: LogLevel = 'info', sink: LogSink = stdoutSink): Logger {
  const threshold = RANK[level];
  const write = (lineLevel: Exclude<LogLevel, 'silent'>, msg: string, fields?: LogFields) => {
    if (RANK[lineLevel] < threshold) return;
    const record: Record<string, unknown> = { level: lineLevel, time: new Date().toISOString(), msg: redactTokens(msg) };
    if (fields) for (const key of Object.keys(fields)) record[key] = redactValue(fields[key]);
    let line: string;
    try {
      line = JSON.stringify(record);
    } catch {
      // Circular or BigInt fields must not take the process down with them.
      line = JSON.stringify({ level: lineLevel, time: record.time, msg: record.msg, note: 'fields not serialisable' });
    }
    sink(line);
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}
