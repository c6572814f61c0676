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
