/**
 * Structured logging through pino: one JSON object per line (`level`, `time`, `msg`, fields), so
 * logs can be searched and shipped as they are by whatever the operators already run.
 */
import pino from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export function isLogLevel(value: string): value is LogLevel {
  return (LEVELS as readonly string[]).includes(value);
}

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

/** Where finished lines go (without their newline); stdout by default, an array in tests. */
export type LogSink = (line: string) => void;

// Share links (issue 7) carry secrets in `?token=`; a URL must never leak one into a log file.
// The value stops at a quote or backslash too, so the pattern can run over a finished JSON line
// without breaking it: tokens are base64url and never contain either.
const TOKEN_IN_QUERY = /((?:^|[?&;\s"])token=)[^&#\s"\\]*/gi;

/** Replaces the value of every `token=` query parameter in a string. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_IN_QUERY, '$1[redacted]');
}

/**
 * Errors keep their type, message, stack and cause (pino's serializer) under any field name,
 * not only pino's `err`: the server logs them as `error`.
 */
function serializeErrors(fields: LogFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    out[key] = value instanceof Error ? pino.stdSerializers.err(value) : value;
  }
  return out;
}

export function createLogger(level: LogLevel = 'info', sink?: LogSink): Logger {
  // Redaction runs over the whole finished line, so a token is caught wherever it sits: the
  // message, a field, a nested object, an error's message or its stack.
  const destination = {
    write: sink
      ? (line: string) => sink(redactTokens(line.endsWith('\n') ? line.slice(0, -1) : line))
      : (line: string) => process.stdout.write(redactTokens(line)),
  };
  const logger = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  const write = (lineLevel: Exclude<LogLevel, 'silent'>, msg: string, fields?: LogFields) => {
    if (!logger.isLevelEnabled(lineLevel)) return;
    if (fields) logger[lineLevel](serializeErrors(fields), msg);
    else logger[lineLevel](msg);
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}
