import type { Access } from '@costudio/shared';
import type { TestServer } from './testServer.ts';

/** A board made through the HTTP API on a server that requires share links, with its links. */
export interface LinkedBoard {
  readonly id: string;
  /** The facilitator link's token: the API's credential for this board. */
  readonly facilitatorToken: string;
  /** Absolute addresses to open in a page, by access. */
  readonly facilitateUrl: string;
  readonly editUrl: string;
  readonly viewUrl: string;
  /** Ids of the edit and view links, e.g. to switch one off. */
  readonly editLinkId: string;
  readonly viewLinkId: string;
}

/** `POST /api/boards`, then an edit and a view link under the facilitator's link. */
export async function createLinkedBoard(server: TestServer, title: string): Promise<LinkedBoard> {
  const created = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (created.status !== 201) throw new Error(`POST /api/boards answered ${created.status}`);
  const board = (await created.json()) as { id: string; facilitatorLink?: { token: string; path: string } };
  if (!board.facilitatorLink) throw new Error('The server made no facilitator link: start it with requireLinks.');
  const token = board.facilitatorLink.token;
  const link = async (access: Access) => {
    const response = await fetch(`${server.url}/api/boards/${board.id}/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ access, label: access }),
    });
    if (response.status !== 201) throw new Error(`POST …/links answered ${response.status}`);
    return (await response.json()) as { id: string; path: string };
  };
  const [edit, view] = [await link('edit'), await link('view')];
  return {
    id: board.id,
    facilitatorToken: token,
    facilitateUrl: `${server.url}${board.facilitatorLink.path}`,
    editUrl: `${server.url}${edit.path}`,
    viewUrl: `${server.url}${view.path}`,
    editLinkId: edit.id,
    viewLinkId: view.id,
  };
}

/** Switches a link off as the facilitator's Share panel does (`DELETE …/links/<id>`). */
export async function switchOffLink(server: TestServer, board: LinkedBoard, linkId: string): Promise<void> {
  const response = await fetch(`${server.url}/api/boards/${board.id}/links/${linkId}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${board.facilitatorToken}` },
  });
  if (!response.ok) throw new Error(`DELETE …/links/${linkId} answered ${response.status}`);
}
