import { openStorage, type Storage } from '@costudio/server';
import { afterEach, describe, expect, it } from 'vitest';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { createTempDir, type TempDir } from '../support/tempDir.ts';

const servers: InProcessServer[] = [];
const dirs: TempDir[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.dispose();
  for (const dir of dirs.splice(0)) await dir.remove();
});

/** The real SQLite storage, whose ping can be made to fail as an unreachable backend's would. */
async function storageThatCanFail(): Promise<{ storage: Storage; fail(reason: string | null): void }> {
  const dir = await createTempDir('costudio-ready-');
  dirs.push(dir);
  const real = await openStorage({ kind: 'sqlite', dataDir: dir.path });
  let failure: string | null = null;
  const storage: Storage = {
    boards: real.boards,
    history: real.history,
    links: real.links,
    privateRooms: real.privateRooms,
    audit: real.audit,
    ping: () => (failure === null ? real.ping() : Promise.reject(new Error(failure))),
    eraseFreedSpace: () => real.eraseFreedSpace(),
    close: () => real.close(),
  };
  return { storage, fail: (reason) => (failure = reason) };
}

describe('GET /readyz and /healthz', () => {
  it('says ready while storage answers, 503 with the reason while it does not, and ready again after', async () => {
    const { storage, fail } = await storageThatCanFail();
    const server = await startInProcessServer({ storage });
    servers.push(server);
    const ready = () => fetch(`${server.httpUrl}/readyz`);

    expect((await ready()).status).toBe(200);

    fail('connection refused');
    const refused = await ready();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await refused.json()).toEqual({ status: 'unavailable', reason: 'storage unreachable: connection refused' });
    // The process is alive all the same: /healthz is the liveness check, not readiness.
    expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200);

    fail(null);
    expect((await ready()).status).toBe(200);
    await storage.close();
  });

  it('is 503 once the storage it started with has been closed under it', async () => {
    const dir = await createTempDir('costudio-ready-');
    dirs.push(dir);
    const storage = await openStorage({ kind: 'sqlite', dataDir: dir.path });
    const server = await startInProcessServer({ storage });
    servers.push(server);
    await storage.close();
    const response = await fetch(`${server.httpUrl}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'unavailable',
      reason: 'storage unreachable: the SQLite database is closed',
    });
  });
});
