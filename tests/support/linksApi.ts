/** What the links API answers (docs/api.md): a board with its facilitator link, or a link. */
export interface LinksApiAnswer {
  readonly id: string;
  readonly token: string;
  readonly facilitatorLink: { readonly token: string };
}

/** POSTs JSON to the server's API with `token` as the bearer credential, and reads the answer. */
export async function postWithToken(httpUrl: string, path: string, token: string, body: object): Promise<LinksApiAnswer> {
  const response = await fetch(`${httpUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return response.json() as never;
}

export interface ApiCall {
  /** Default GET, or POST when there is a body. */
  readonly method?: string;
  /** The link's token, sent as the bearer credential. */
  readonly token?: string;
  /** Sent as JSON. */
  readonly body?: unknown;
}

/** Calls the server's HTTP API as the client does: JSON in, the bearer token when given. */
export function callApi(httpUrl: string, path: string, call: ApiCall = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  return fetch(`${httpUrl}${path}`, {
    method: call.method ?? (call.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
}
