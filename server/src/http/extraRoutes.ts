import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A group of HTTP endpoints added beside the core ones (history, backups). Resolves true when
 * it answered the request, false to let the next route (finally the 404) have it.
 */
export type HttpRoute = (request: IncomingMessage, response: ServerResponse, pathname: string) => Promise<boolean>;
