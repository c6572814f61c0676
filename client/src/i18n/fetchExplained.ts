import { describeServerError, type Translator } from '@costudio/shared';

/**
 * `fetch` for API calls whose failure a person reads: every failure is an Error whose message is
 * in `t`'s language, never a browser's "Failed to fetch", a JSON parser's complaint or the
 * server's English. A refusal is read by its code (describeServerError), else `fallback`.
 */
export async function fetchOk(url: string, init: RequestInit, t: Translator, fallback?: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new Error(t.t('serverError.unreachable'));
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new Error(describeServerError(body, t, fallback));
  }
  return response;
}

/** `fetchOk`, then the answer's JSON; an answer that is not JSON fails like a refusal. */
export async function fetchJson<T>(url: string, init: RequestInit, t: Translator, fallback?: string): Promise<T> {
  const response = await fetchOk(url, init, t, fallback);
  try {
    return (await response.json()) as T;
  } catch {
    throw new Error(fallback ?? t.t('serverError.unknown'));
  }
}
