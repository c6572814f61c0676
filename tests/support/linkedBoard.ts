import { afterEach } from 'vitest';
import * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from './boardClient.ts';
import { type InProcessServer, startInProcessServer } from './inProcessServer.ts';
import { postWithToken } from './linksApi.ts';
import { applySyncFrames, openRawSocket, type RawSocket, updateFrame } from './rawSocket.ts';

/** A client written by hand: a document whose changes go down a raw socket as bare update frames. */
export interface HandMadeClient {
  readonly doc: Y.Doc;
  readonly socket: RawSocket;
  /** Makes `change` on the document and sends exactly that update. Frames of one socket are handled in order. */
  send(change: (doc: Y.Doc) => void): void;
  /** Applies what the server sent so far, as a stock client would have. */
  catchUp(): void;
}

export interface LinkedBoard {
  readonly server: InProcessServer;
  readonly boardId: string;
  readonly facilitatorToken: string;
  readonly editToken: string;
  readonly viewToken: string;
}

export interface LinkedBoards {
  /** Starts a server that requires links, with one board and its facilitator, edit and view links. */
  start(title: string): Promise<LinkedBoard>;
  /** The server start() made for this test. */
  server(): InProcessServer;
  /** A stock y-websocket client of `room`, destroyed after the test. */
  join(room: string, token: string): BoardClient;
  /** A hand-made client of `boardId`, starting from a copy of `from`, closed after the test. */
  handMade(boardId: string, token: string, from: Y.Doc): Promise<HandMadeClient>;
}

/**
 * Setup for integration tests of what a link may do: call once at the top of a test file; the
 * server, clients and sockets of each test are closed after it.
 */
export function linkedBoardPerTest(): LinkedBoards {
  let server: InProcessServer | undefined;
  const clients: BoardClient[] = [];
  const sockets: RawSocket[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const socket of sockets.splice(0)) socket.close();
    await server?.dispose();
    server = undefined;
  });
  const running = (): InProcessServer => {
    if (!server) throw new Error('start() the board first');
    return server;
  };
  return {
    async start(title) {
      server = await startInProcessServer({ requireLinks: true });
      const board = await postWithToken(server.httpUrl, '/api/boards', '', { title });
      const facilitatorToken = board.facilitatorLink.token;
      const link = (access: string) =>
        postWithToken(running().httpUrl, `/api/boards/${board.id}/links`, facilitatorToken, { access });
      const [edit, view] = await Promise.all([link('edit'), link('view')]);
      return { server, boardId: board.id, facilitatorToken, editToken: edit.token, viewToken: view.token };
    },
    server: () => running(),
    join(room, token) {
      const client = connectBoardClient(running().syncUrl, room, { params: { token } });
      clients.push(client);
      return client;
    },
    async handMade(boardId, token, from) {
      const socket = openRawSocket(running().httpUrl, `/sync/${boardId}?token=${encodeURIComponent(token)}`);
      sockets.push(socket);
      await socket.opened;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
      return {
        doc,
        socket,
        send(change) {
          const before = Y.encodeStateVector(doc);
          change(doc);
          socket.send(updateFrame(Y.encodeStateAsUpdate(doc, before)));
        },
        catchUp() {
          applySyncFrames(doc, socket.frames.splice(0));
        },
      };
    },
  };
}
