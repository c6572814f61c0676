import type { TestServer } from './testServer.ts';

export interface CreatedBoard {
  readonly id: string;
  readonly title: string;
  /** `/b/<id>` */
  readonly path: string;
  /** Absolute URL to open in a page. */
  readonly url: string;
}

/** Creates a board through the public HTTP API (`POST /api/boards`), as the start page does. */
export async function createBoard(server: TestServer, title = 'E2E board'): Promise<CreatedBoard> {
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`POST /api/boards answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { id: string; title: string; path: string };
  return { ...body, url: `${server.url}${body.path}` };
}
