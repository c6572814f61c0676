import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildCluster, connectionsOn, startChildCluster } from '../support/childCluster.ts';
import type { ChildServer } from '../support/childServer.ts';
import { callApi } from '../support/linksApi.ts';
import { type NginxProxy, nginxInstalled, startNginxProxy } from '../support/nginxProxy.ts';
import { fetchMetrics, sumMetric } from '../support/prometheus.ts';
import {
  addNote,
  CLIENT_DIST_DIR,
  fillJoinForm,
  joinAs,
  launchBrowser,
  noteTexts,
  openParticipant,
  type Participant,
  waitFor,
  waitForSaved,
  waitForStatus,
} from './support/index.ts';

// Issue 14: the real browser client through Debian's nginx, running the configuration
// docs/operations.md documents (without board affinity, so one board's pages spread over the
// instances), in front of three server processes on one PostgreSQL and one Redis.

/**
 * Joins without asking for the board's first view: answering it loads the board on whichever
 * instance nginx picks, which then hears every committed update for a while, and the counters
 * below would take that instance for the one holding the page's socket.
 */
async function joinWithoutFirstView(
  browser: Browser,
  url: string,
  name: string,
  role: 'lay' | 'practitioner',
): Promise<Participant> {
  const person = await openParticipant(browser);
  await person.context.route('**/first-view', (route) => route.abort());
  await person.page.goto(url);
  await fillJoinForm(person.page, name, role);
  return person;
}

/** Committed updates each instance has received from the others so far. */
async function receivedFromOthers(servers: readonly ChildServer[]): Promise<number[]> {
  return Promise.all(
    servers.map(async (server) => sumMetric(await fetchMetrics(server.httpUrl), /^costudio_fanout_updates_received_total$/)),
  );
}

async function texts(person: Participant): Promise<string[]> {
  return Object.values(await noteTexts(person.page)).sort();
}

async function sees(person: Participant, text: string): Promise<void> {
  await waitFor(async () => (await texts(person)).includes(text), { message: `"${text}" on the page`, timeout: 20_000 });
}

describe.skipIf(!nginxInstalled)('the browser client through nginx in front of three instances', () => {
  let cluster: ChildCluster | undefined;
  let proxy: NginxProxy | undefined;
  let browser: Browser | undefined;
  const people: Participant[] = [];

  beforeAll(async () => {
    cluster = await startChildCluster(3, {
      CLIENT_DIR: CLIENT_DIST_DIR,
      REQUIRE_LINKS: 'true',
      // Every instance must accept the links any of them signed.
      COSTUDIO_SECRET: 'c0ffee'.repeat(11),
      TRUST_PROXY: 'true',
    });
    proxy = await startNginxProxy({ upstreams: cluster.servers.map((server) => server.port), affinity: false });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const person of people) await person.context.close();
    await browser?.close();
    await proxy?.stop();
    await cluster?.dispose();
  });

  it('a page whose link is switched off through another instance says so at once', async () => {
    if (!cluster || !proxy || !browser) throw new Error('not started');
    const servers = [...cluster.servers];
    const created = await callApi(proxy.httpUrl, '/api/boards', { body: { title: 'Revoked elsewhere' } });
    const board = (await created.json()) as { id: string; facilitatorLink: { token: string } };
    const issued = await callApi(proxy.httpUrl, `/api/boards/${board.id}/links`, {
      token: board.facilitatorLink.token,
      body: { access: 'edit' },
    });
    const link = (await issued.json()) as { id: string; path: string };
    const before = await connectionsOn(servers);
    const dana = await joinAs(browser, `${proxy.httpUrl}${link.path}`, 'Dana', 'lay');
    people.push(dana);
    const after = await connectionsOn(servers);
    // An instance none of Dana's sockets went to (she opens at most two; there are three).
    const elsewhere = servers.find((_server, i) => after[i] === before[i]);
    if (!elsewhere) throw new Error('Dana has a socket on every instance');
    const revoked = await callApi(elsewhere.httpUrl, `/api/boards/${board.id}/links/${link.id}`, {
      method: 'DELETE',
      token: board.facilitatorLink.token,
    });
    expect(revoked.status).toBe(200);
    await waitForStatus(dana.page, 'Link switched off', 5_000);
  });

  it('two pages on different instances see each other’s notes, and keep every note they saw when one is killed (-9)', async () => {
    if (!cluster || !proxy || !browser) throw new Error('not started');
    const servers = [...cluster.servers];
    const created = await callApi(proxy.httpUrl, '/api/boards', { body: { title: 'Discharge planning' } });
    expect(created.status).toBe(201);
    const board = (await created.json()) as { id: string; facilitatorLink: { token: string; path: string } };
    const editLink = await callApi(proxy.httpUrl, `/api/boards/${board.id}/links`, {
      token: board.facilitatorLink.token,
      body: { access: 'edit' },
    });
    const { path: participantPath } = (await editLink.json()) as { path: string };
    const alice = await joinWithoutFirstView(browser, `${proxy.httpUrl}${board.facilitatorLink.path}`, 'Alice', 'practitioner');
    people.push(alice);
    const bob = await joinWithoutFirstView(browser, `${proxy.httpUrl}${participantPath}`, 'Bob', 'lay');
    people.push(bob);

    // Round-robin puts each page's sockets on whichever instance is next. A note of Alice's that
    // reaches Bob through another instance is counted there: that instance is Bob's.
    let bobsInstance: ChildServer | undefined;
    for (let attempt = 1; !bobsInstance; attempt++) {
      const before = await receivedFromOthers(servers);
      const text = `Alice’s note ${attempt}`;
      await addNote(alice.page, text);
      await sees(bob, text);
      const after = await receivedFromOthers(servers);
      bobsInstance = servers.find((_server, i) => (after[i] ?? 0) > (before[i] ?? 0));
      if (bobsInstance) {
        console.info(`Bob's page on instance ${servers.indexOf(bobsInstance) + 1} of 3 after ${attempt} page load(s)`);
        break;
      }
      expect(attempt, 'Bob’s page on another instance than Alice’s after a few reloads').toBeLessThan(8);
      // One request moves nginx's round-robin on, so the reload's socket lands elsewhere.
      await fetch(`${proxy.httpUrl}/healthz`);
      await bob.page.reload();
      await waitForSaved(bob.page);
    }
    await addNote(bob.page, 'Bob’s note');
    await sees(alice, 'Bob’s note');
    await Promise.all([waitForSaved(alice.page), waitForSaved(bob.page)]);
    const seen = { alice: await texts(alice), bob: await texts(bob) };
    expect(seen.bob).toEqual(seen.alice);

    let bobsNewSockets = 0;
    bob.page.on('websocket', (socket) => {
      if (new URL(socket.url()).pathname === `/sync/${board.id}`) bobsNewSockets++;
    });
    bobsInstance.kill('SIGKILL');
    await bobsInstance.exited;
    // Bob's page reconnects through nginx to a live instance and writes on; Alice sees it.
    await waitFor(() => bobsNewSockets > 0, { message: 'Bob’s page to reconnect', timeout: 20_000 });
    await waitForSaved(bob.page);
    await addNote(bob.page, 'Bob after the crash');
    await sees(alice, 'Bob after the crash');
    await addNote(alice.page, 'Alice after the crash');
    await sees(bob, 'Alice after the crash');
    await Promise.all([waitForSaved(alice.page), waitForSaved(bob.page)]);
    for (const person of [alice, bob])
      expect(await texts(person)).toEqual([...seen.alice, 'Alice after the crash', 'Bob after the crash'].sort());

    // Someone arriving now is served every note from the store by a surviving instance.
    const carol = await joinAs(browser, `${proxy.httpUrl}${participantPath}`, 'Carol', 'lay');
    people.push(carol);
    await sees(carol, 'Alice after the crash');
    expect(await texts(carol)).toEqual(await texts(alice));
  });
});
