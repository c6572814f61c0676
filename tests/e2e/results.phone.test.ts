import { closeVote, createNote, openVote, placeDot } from '@costudio/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { nestedScrollBoxes, wordsBrokenAcrossLines } from '../support/e2e/layoutProbes.ts';
import { PHONE } from './a11y.shared.ts';
import { createBoard, joinAs, useE2eEnvironment, waitFor } from './support/index.ts';

describe('vote results on a phone (390 × 844)', () => {
  const env = useE2eEnvironment();
  let phone: Page;

  beforeAll(async () => {
    const board = await createBoard(env.server, 'Outpatient letters');
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${env.server.port}/sync`, board.id, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    try {
      await waitFor(() => provider.synced, { message: 'the Node client to sync' });
      const notes = ['Letters should arrive before the appointment', 'Text reminders', 'Shorter letters'].map((text) =>
        createNote(doc, { lane: 'define', author: 'Sam', authorRole: 'lay', text }),
      );
      const voteId = openVote(doc, { scope: 'board', dotsPerPerson: 2, hideTotals: false });
      const dots: [string, 'lay' | 'practitioner', number][] = [
        ['lay-1', 'lay', 0],
        ['lay-2', 'lay', 1],
        ['pro-1', 'practitioner', 2],
        ['pro-1', 'practitioner', 1],
      ];
      for (const [participantId, role, note] of dots)
        placeDot(doc, { voteId, participantId, role, noteId: notes[note] as string });
      closeVote(doc, voteId);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      provider.destroy();
      doc.destroy();
    }
    ({ page: phone } = await joinAs(env.browser, board.url, 'Carla', 'lay', PHONE));
    await phone.getByRole('button', { name: 'Votes and results' }).tap();
    await phone.getByRole('table', { name: /vote 1/ }).waitFor();
  });

  it('shows the results table without breaking a word over two lines', async () => {
    await phone.locator('.perspectives').screenshot({ path: '/tmp/costudio-results-phone.png' });
    expect(await wordsBrokenAcrossLines(phone, '.perspectives-table')).toEqual([]);
  });

  it('shows it in the page, not in a box that scrolls on its own, and no wider than the phone', async () => {
    expect(await nestedScrollBoxes(phone, '.perspectives-table')).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('keeps it a table for screen readers: each figure named by its group', async () => {
    const table = phone.getByRole('table', { name: /vote 1/ });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Note',
      'Lay participants',
      'Practitioners',
      'Difference',
    ]);
    expect(await table.getByRole('rowheader').count()).toBe(3);
  });
});
