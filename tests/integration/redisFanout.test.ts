import { createLogger, type FanoutMessage, RedisFanout } from '@costudio/server';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { Announcement } from '../../server/src/scale/Announcements.ts';
import { killRedisClients, REDIS_TEST_URL, redisAdmin, uniqueRedisPrefix } from '../support/redisTest.ts';
import { waitFor } from '../support/waitFor.ts';

const opened: Array<RedisFanout | Redis> = [];

afterEach(async () => {
  for (const item of opened.splice(0)) {
    if (item instanceof RedisFanout) await item.close();
    else item.disconnect();
  }
});

function fanouts(count: number, options: { sweepMs?: number } = {}): RedisFanout[] {
  const prefix = uniqueRedisPrefix();
  return Array.from({ length: count }, () => {
    const fanout = new RedisFanout({ url: REDIS_TEST_URL, logger: createLogger('silent'), prefix, ...options });
    opened.push(fanout);
    return fanout;
  });
}

function inbox(): { messages: FanoutMessage[]; deliver: (message: FanoutMessage) => void } {
  const messages: FanoutMessage[] = [];
  return { messages, deliver: (message) => messages.push(message) };
}

const update = (seq: number): FanoutMessage => ({ kind: 'update', seq, update: new Uint8Array([seq, 1, 2, 3]) });

describe('RedisFanout', () => {
  it('delivers a board’s messages to the other instances, with the sequence number, and not back to the sender', async () => {
    const [a, b] = fanouts(2) as [RedisFanout, RedisFanout];
    const atA = inbox();
    const atB = inbox();
    const elsewhere = inbox();
    // The first subscribe may come before the connection is ready: it is then confirmed by a 'lost'.
    await waitFor(async () => {
      await Promise.all([a.subscribe('board', atA.deliver), b.subscribe('board', atB.deliver)]);
      await b.subscribe('other', elsewhere.deliver);
      a.publish('board', { kind: 'awareness-query' });
      return atB.messages.some((message) => message.kind === 'awareness-query');
    }, 'both subscriptions');
    a.publish('board', update(7));
    a.publish('board', { kind: 'awareness', update: new Uint8Array([9]) });
    await waitFor(() => atB.messages.some((message) => message.kind === 'awareness'), 'the awareness message');
    expect(atB.messages.filter((message) => message.kind !== 'lost' && message.kind !== 'awareness-query')).toEqual([
      update(7),
      { kind: 'awareness', update: new Uint8Array([9]) },
    ]);
    expect(atA.messages.filter((message) => message.kind !== 'lost')).toEqual([]);
    expect(elsewhere.messages.filter((message) => message.kind !== 'lost')).toEqual([]);
  });

  it('after its subscriber connection is killed, resubscribes and then tells every board it may have lost messages', async () => {
    const [a, b] = fanouts(2) as [RedisFanout, RedisFanout];
    const admin = redisAdmin();
    opened.push(admin);
    const atB = inbox();
    await a.subscribe('board', () => {});
    await b.subscribe('board', atB.deliver);
    await waitFor(() => atB.messages.some((message) => message.kind === 'lost'), 'the first subscription');
    atB.messages.length = 0;

    expect(await killRedisClients(admin, (name) => name === b.subscriberName)).toBe(1);
    await waitFor(() => atB.messages.some((message) => message.kind === 'lost'), "the reconnect's 'lost'");
    // By the time 'lost' is said, the subscription is back: what is published now arrives.
    a.publish('board', update(12));
    await waitFor(() => atB.messages.some((message) => message.kind === 'update' && message.seq === 12), 'row 12');
  });

  it('says lost now and then, for a last message lost with nothing after it', async () => {
    const [b] = fanouts(1, { sweepMs: 100 }) as [RedisFanout];
    const atB = inbox();
    await b.subscribe('board', atB.deliver);
    await waitFor(() => atB.messages.filter((message) => message.kind === 'lost').length >= 3, 'three sweeps');
  });

  it('stops delivering after unsubscribe, but not to a newer subscriber of the same board', async () => {
    const [a, b] = fanouts(2) as [RedisFanout, RedisFanout];
    const old = inbox();
    const newer = inbox();
    await b.subscribe('board', old.deliver);
    await b.subscribe('board', newer.deliver);
    b.unsubscribe('board', old.deliver);
    await waitFor(() => {
      a.publish('board', update(3));
      return newer.messages.some((message) => message.kind === 'update');
    }, 'delivery to the newer subscriber');
    expect(old.messages.filter((message) => message.kind === 'update')).toEqual([]);
    b.unsubscribe('board', newer.deliver);
  });

  it('announces rights to every other instance, not back to the sender, and says lost after a reconnection', async () => {
    const [a, b, c] = fanouts(3) as [RedisFanout, RedisFanout, RedisFanout];
    const heard = new Map<RedisFanout, Announcement[]>();
    for (const fanout of [a, b, c]) {
      const list: Announcement[] = [];
      heard.set(fanout, list);
      fanout.announcements.listen((announcement) => list.push(announcement));
    }
    await waitFor(() => {
      a.announcements.announce({ kind: 'facilitation-changed', boardId: 'ready?' });
      return (heard.get(b)?.length ?? 0) > 0 && (heard.get(c)?.length ?? 0) > 0;
    }, 'the control channel');
    a.announcements.announce({ kind: 'link-revoked', linkId: 'L1' });
    a.announcements.announce({ kind: 'board-deleted', roomId: 'gone' });
    // Later readiness probes may still be on their way: only the two announcements are compared.
    const rights = (fanout: RedisFanout) => (heard.get(fanout) ?? []).filter((heard) => heard.kind !== 'facilitation-changed');
    await waitFor(() => rights(b).length === 2 && rights(c).length === 2, 'both announcements on B and C');
    expect(rights(b)).toEqual([
      { kind: 'link-revoked', linkId: 'L1' },
      { kind: 'board-deleted', roomId: 'gone' },
    ]);
    expect(heard.get(a)).toEqual([]);

    const admin = redisAdmin();
    opened.push(admin);
    expect(await killRedisClients(admin, (name) => name === b.subscriberName)).toBe(1);
    await waitFor(() => heard.get(b)?.some((announcement) => announcement.kind === 'lost'), 'B to say it may have missed some');
  });
});
