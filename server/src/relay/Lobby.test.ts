import { CloseCode } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import type { Connection } from './Connection.ts';
import { Lobby } from './Lobby.ts';

/** The lobby only ever closes a connection; nothing else of it is used. */
function fakeConnection() {
  const closes: number[] = [];
  const connection = { close: (code: number) => closes.push(code) } as unknown as Connection;
  return { connection, closes };
}

const frame = (byte: number) => new Uint8Array([byte]);

describe('Lobby', () => {
  it('keeps each waiting connection’s frames in order and releases them in arrival order', () => {
    const lobby = new Lobby();
    const a = fakeConnection().connection;
    const b = fakeConnection().connection;
    lobby.add(a);
    lobby.add(b);
    lobby.hold(b, frame(1));
    lobby.hold(a, frame(2));
    lobby.hold(a, frame(3));
    expect(lobby.size).toBe(2);
    const released = lobby.release();
    expect([...released.keys()]).toEqual([a, b]);
    expect(released.get(a)).toEqual([frame(2), frame(3)]);
    expect(released.get(b)).toEqual([frame(1)]);
    expect(lobby.size).toBe(0);
  });

  it('drops the frames of a connection that left, and ignores one that never joined', () => {
    const lobby = new Lobby();
    const { connection } = fakeConnection();
    lobby.hold(connection, frame(1));
    lobby.add(connection);
    lobby.hold(connection, frame(2));
    expect(lobby.remove(connection)).toBe(true);
    expect(lobby.remove(connection)).toBe(false);
    expect(lobby.release().size).toBe(0);
  });

  it('lets the first frame be answered early and taken out', () => {
    const lobby = new Lobby();
    const { connection } = fakeConnection();
    lobby.add(connection);
    expect(lobby.firstFrame(connection)).toBeUndefined();
    lobby.hold(connection, frame(1));
    lobby.hold(connection, frame(2));
    expect(lobby.firstFrame(connection)).toEqual(frame(1));
    lobby.dropFirstFrame(connection);
    expect(lobby.release().get(connection)).toEqual([frame(2)]);
  });

  it('closes a connection that sends 10,000 frames while it waits, with RATE_LIMITED', () => {
    const lobby = new Lobby();
    const { connection, closes } = fakeConnection();
    lobby.add(connection);
    for (let i = 0; i < 10_000; i++) lobby.hold(connection, frame(0));
    expect(closes).toEqual([]);
    lobby.hold(connection, frame(0));
    expect(closes).toEqual([CloseCode.RATE_LIMITED]);
    expect(lobby.release().get(connection)).toHaveLength(10_000);
  });
});
