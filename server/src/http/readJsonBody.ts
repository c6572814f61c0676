import type { IncomingMessage } from 'node:http';
import type { ErrorCode } from '@costudio/shared';

/** A request body problem, with the HTTP status and error code to answer it with. */
export class BodyError extends Error {
  override name = 'BodyError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Reads and parses a JSON body of at most `maxBytes`, without buffering more than that. */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const text = (await readJsonBodyBytes(request, maxBytes)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError(400, 'invalid_json', 'The body is not valid JSON');
  }
}

/**
 * Reads a JSON body of at most `maxBytes` as bytes, unparsed: for bodies large enough that
 * parsing them belongs off the event loop (board imports).
 */
export async function readJsonBodyBytes(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new BodyError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json');
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new BodyError(413, 'body_too_large', `The body must be at most ${maxBytes} bytes`);
  }
  return readLimited(request, maxBytes);
}

function readLimited(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      // Stop keeping the body but let it drain, so the 413 answer can still be sent.
      request.off('data', onData);
      request.off('end', onEnd);
      request.resume();
      reject(new BodyError(413, 'body_too_large', `The body must be at most ${maxBytes} bytes`));
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', reject);
  });
}
