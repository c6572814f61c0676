import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { boardView, missingChanges } from '../support/boardState.ts';
import { startBusyWriters } from '../support/busyWriters.ts';
import { type ChildCluster, connectionsOn, startChildCluster } from '../support/childCluster.ts';
import type { ChildServer } from '../support/childServer.ts';
import { type NginxProxy, nginxInstalled, startNginxProxy } from '../support/nginxProxy.ts';
import { eventually, waitFor } from '../support/waitFor.ts';

let cluster: ChildCluster | undefined;
let proxy: NginxProxy | undefined;
const clients: BoardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await proxy?.stop();
  proxy = undefined;
  await cluster?.dispose();
  cluster = undefined;
});

function connect(boardId: string, options: { saved?: boolean } = {}): BoardClient {
  if (!proxy) throw new Error('no proxy');
  const client = connectBoardClient(proxy.syncUrl, boardId, options);
  clients.push(client);
  return client;
}

async function expectConverged(docs: readonly Y.Doc[]): Promise<void> {
  await eventually(
    () => {
      for (const a of docs) for (const b of docs) expect(missingChanges(a, b)).toEqual([]);
    },
    { timeoutMs: 15_000 },
  );
  for (const doc of docs) expect(boardView(doc)).toEqual(boardView(docs[0] as Y.Doc));
}

describe.skipIf(!nginxInstalled)('Debian nginx in front of 3 instances, with the configuration operations.md documents', () => {
  it('without affinity, one board’s sockets spread over the instances and still converge', async () => {
    cluster = await startChildCluster(3);
    proxy = await startNginxProxy({ upstreams: cluster.servers.map((server) => server.port), affinity: false });
    const people = Array.from({ length: 4 }, () => connect('round-robin'));
    await Promise.all(people.map((person) => person.whenSynced()));
    expect((await connectionsOn(cluster.servers)).every((count) => count > 0)).toBe(true);
    const busy = startBusyWriters(
      people.map((person) => person.doc),
      { intervalMs: 4 },
    );
    await waitFor(() => busy.edits() >= 200, { what: 'two hundred edits', timeoutMs: 20_000 });
    busy.stop();
    await expectConverged(people.map((person) => person.doc));
  });

  it('with board affinity, kill -9 of the board’s instance: clients reconnect through nginx to another and nothing acknowledged is lost', async () => {
    cluster = await startChildCluster(3);
    const servers = cluster.servers;
    proxy = await startNginxProxy({ upstreams: servers.map((server) => server.port) });
    const writers = [connect('affinity', { saved: true }), connect('affinity', { saved: true })];
    const observer = connect('affinity');
    await Promise.all([...writers, observer].map((client) => client.whenSynced()));
    const counts = await connectionsOn(servers);
    // Every socket of the board on one instance: the hash holds.
    expect(counts.filter((count) => count > 0)).toEqual([3]);
    const home = servers[counts.findIndex((count) => count > 0)] as ChildServer;
    const busy = startBusyWriters(
      writers.map((writer) => writer.doc),
      { intervalMs: 4 },
    );
    await waitFor(() => busy.edits() >= 100, { what: 'a hundred edits', timeoutMs: 20_000 });
    home.kill('SIGKILL');
    await home.exited;
    const acknowledged = writers.map((writer) => new Map(writer.saved));
    await waitFor(() => busy.edits() >= 250, { what: 'writing on through the survivor', timeoutMs: 20_000 });
    busy.stop();
    await waitFor(() => [...writers, observer].every((client) => client.provider.wsconnected && client.provider.synced), {
      what: 'everyone reconnected through nginx',
      timeoutMs: 20_000,
    });
    await expectConverged([...writers, observer].map((client) => client.doc));
    const verifier = connect('affinity');
    await verifier.whenSynced();
    for (const saved of acknowledged) expect(missingChanges(saved, verifier.doc)).toEqual([]);
    await expectConverged([...writers, observer, verifier].map((client) => client.doc));
  });
});
