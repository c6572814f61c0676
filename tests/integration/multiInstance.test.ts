import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { boardView, missingChanges } from '../support/boardState.ts';
import { startBusyWriters } from '../support/busyWriters.ts';
import { type ChildCluster, startChildCluster } from '../support/childCluster.ts';
import type { ChildServer } from '../support/childServer.ts';
import { eventually, waitFor, withTimeout } from '../support/waitFor.ts';

let cluster: ChildCluster | undefined;
const clients: BoardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await cluster?.dispose();
  cluster = undefined;
});

function connect(server: ChildServer, boardId: string, options: { saved?: boolean; doc?: Y.Doc } = {}): BoardClient {
  const client = connectBoardClient(server.syncUrl, boardId, options);
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
  const first = boardView(docs[0] as Y.Doc);
  for (const doc of docs) expect(boardView(doc)).toEqual(first);
}

describe('server processes on one PostgreSQL and one Redis', () => {
  it('converge stock clients on different instances, and a late joiner on a third gets the whole board', async () => {
    cluster = await startChildCluster(3);
    const [a, b, c] = cluster.servers as [ChildServer, ChildServer, ChildServer];
    const onA = connect(a, 'region-board');
    const onB = connect(b, 'region-board');
    await Promise.all([onA.whenSynced(), onB.whenSynced()]);
    const busy = startBusyWriters([onA.doc, onB.doc], { intervalMs: 4 });
    await waitFor(() => busy.edits() >= 300, { what: 'three hundred edits', timeoutMs: 20_000 });
    busy.stop();
    await expectConverged([onA.doc, onB.doc]);
    const late = connect(c, 'region-board');
    await late.whenSynced();
    await expectConverged([onA.doc, onB.doc, late.doc]);
    expect(boardView(late.doc).notes.length).toBeGreaterThan(4);
    // It was PostgreSQL and Redis they shared, not luck.
    for (const server of cluster.servers) {
      expect(server.logs.some((entry) => entry.msg === 'relaying between instances through Redis')).toBe(true);
    }
    const metricsOfB = await (await fetch(`${b.httpUrl}/metrics`)).text();
    expect(Number(/^costudio_fanout_updates_received_total (\d+)$/m.exec(metricsOfB)?.[1])).toBeGreaterThan(50);
    const database = new pg.Client({ connectionString: cluster.databaseUrl });
    await database.connect();
    try {
      const { rows } = await database.query(
        `SELECT (SELECT count(*) FROM updates WHERE board_id = $1) + (SELECT count(*) FROM snapshots WHERE board_id = $1) AS n`,
        ['region-board'],
      );
      expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      await database.end();
    }
  });

  it('lose no acknowledged edit, nor any another instance relayed, when one instance is killed (-9) under writes', async () => {
    cluster = await startChildCluster(3, { COMPACT_MAX_UPDATES: '50' });
    const [a, b, c] = cluster.servers as [ChildServer, ChildServer, ChildServer];
    const writers = [connect(a, 'kill-board', { saved: true }), connect(a, 'kill-board', { saved: true })];
    const writerOnB = connect(b, 'kill-board', { saved: true });
    const observer = connect(c, 'kill-board');
    await Promise.all([...writers, writerOnB, observer].map((client) => client.whenSynced()));
    const busy = startBusyWriters(
      [...writers, writerOnB].map((client) => client.doc),
      { intervalMs: 3 },
    );
    await waitFor(() => observer.doc.getMap('notes').size >= 6, { what: 'writes flowing to C', timeoutMs: 20_000 });
    a.kill('SIGKILL');
    await withTimeout(a.exited, 10_000, 'A to die');
    // What people elsewhere had been shown, and what A had told its writers was saved, at the kill.
    const seenOnC = Y.encodeStateVector(observer.doc);
    const acknowledged = writers.map((writer) => new Map(writer.saved));
    busy.stop();
    for (const writer of writers) writer.provider.disconnect();
    await waitFor(
      () => writers.every((writer) => writer.closes.length > 0 || !writer.provider.wsconnected),
      'A’s sockets to close',
    );

    // Before A's writers come back, the survivors must already hold all of that, from PostgreSQL.
    const verifier = connect(c, 'kill-board');
    await verifier.whenSynced();
    expect(missingChanges(seenOnC, verifier.doc)).toEqual([]);
    for (const saved of acknowledged) expect(missingChanges(saved, verifier.doc)).toEqual([]);
    expect([...(acknowledged[0]?.values() ?? [])].length).toBeGreaterThan(0);

    // A's writers reconnect to a survivor with what they still hold: everyone converges.
    const moved = writers.map((writer) => connect(b, 'kill-board', { doc: writer.doc }));
    await Promise.all(moved.map((client) => client.whenSynced()));
    await expectConverged([...moved.map((client) => client.doc), writerOnB.doc, observer.doc, verifier.doc]);
  });

  it('take the presence of an instance’s people away on the others after the awareness timeout when it dies', async () => {
    cluster = await startChildCluster(2);
    const [a, b] = cluster.servers as [ChildServer, ChildServer];
    const onA = connect(a, 'presence-board');
    const onB = connect(b, 'presence-board');
    await Promise.all([onA.whenSynced(), onB.whenSynced()]);
    onA.provider.awareness.setLocalStateField('user', { name: 'Grace on A' });
    const graceOnB = () => [...onB.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Grace on A');
    await waitFor(graceOnB, 'Grace’s presence on B');
    // Her client keeps trying the dead instance (as behind no proxy): nothing renews her state elsewhere.
    a.kill('SIGKILL');
    const killedAt = Date.now();
    await a.exited;
    await waitFor(() => !graceOnB(), { what: 'Grace gone on B', timeoutMs: 45_000, intervalMs: 250 });
    // Not at once (nobody said she left: it is the timeout), but within y-protocols' 30 s and its 3 s check.
    expect(Date.now() - killedAt).toBeGreaterThan(15_000);
    expect(Date.now() - killedAt).toBeLessThan(40_000);
  });

  it('relay nothing to any instance before it is committed in PostgreSQL', async () => {
    cluster = await startChildCluster(2);
    const [a, b] = cluster.servers as [ChildServer, ChildServer];
    const writer = connect(a, 'held-board', { saved: true });
    const observer = connect(b, 'held-board');
    await Promise.all([writer.whenSynced(), observer.whenSynced()]);
    // The test holds the board's lock (storage/postgres/advisoryLocks.ts), so A's commit waits.
    const holder = new pg.Client({ connectionString: cluster.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [0x0c05_7d11, 'held-board']);
      writer.doc.getMap('plain').set('held', 'typed while the database waits');
      await waitFor(async () => {
        const { rows } = await holder.query("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
        return Number(rows[0]?.n) > 0;
      }, 'A’s commit to wait for the lock');
      // Presence is not committed, so it passes; A publishes it after anything it published before.
      writer.provider.awareness.setLocalStateField('marker', 'after the edit');
      await waitFor(
        () => [...observer.provider.awareness.getStates().values()].some((state) => state.marker === 'after the edit'),
        'the marker on B',
      );
      expect(observer.doc.getMap('plain').get('held')).toBeUndefined();
      expect(writer.allOwnChangesSaved()).toBe(false);
      await holder.query('ROLLBACK');
      await waitFor(() => observer.doc.getMap('plain').get('held') !== undefined, 'the edit on B once committed');
      await waitFor(() => writer.allOwnChangesSaved(), 'the writer told it is saved');
    } finally {
      await holder.end();
    }
  });
});
