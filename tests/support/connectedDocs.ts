import * as Y from 'yjs';

/**
 * Two docs joined like two browsers on one board: each update crosses to the other with the
 * origin 'remote', so a transaction there is not local. For unit tests of what a person hears
 * or undoes when someone else changes the board.
 */
export function connectedPair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
  return [a, b];
}
