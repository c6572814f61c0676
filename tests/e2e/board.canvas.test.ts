import {
  CURRENT_SCHEMA_VERSION,
  createNote,
  getNotesMap,
  LANE_GAP,
  LANE_HEADER_HEIGHT,
  LANE_WIDTH,
  laneLeft,
  NOTE_COLOR_FILL,
} from '@costudio/shared';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectBoardClient } from '../support/boardClient.ts';
import {
  canvasCamera,
  type DebugHook,
  drawnNoteIds,
  fillJoinForm,
  noteScreenRect,
  openParticipant,
  type PageProblems,
  useE2eEnvironment,
  waitFor,
  waitForSaved,
} from './support/index.ts';

declare const window: { __costudio: DebugHook };

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function pixel(png: PNG, x: number, y: number): Rgb {
  const offset = (png.width * Math.round(y) + Math.round(x)) * 4;
  return [png.data[offset] ?? 0, png.data[offset + 1] ?? 0, png.data[offset + 2] ?? 0];
}

function near(a: Rgb, b: Rgb, tolerance = 3): boolean {
  return a.every((channel, index) => Math.abs(channel - (b[index] ?? 0)) <= tolerance);
}

describe('the board canvas', () => {
  const env = useE2eEnvironment();
  let page: Page;
  let problems: PageProblems;
  let boardPath: string;

  beforeAll(async () => {
    ({ page, problems } = await openParticipant(env.browser, { ignore: [/WebSocket connection/i, /ERR_CONNECTION_REFUSED/] }));
  });

  it('creates a board from the start page, asks who you are once, and lists it afterwards', async () => {
    await page.goto(env.server.url);
    await page.getByLabel('Board name').fill('Discharge planning');
    await page.getByRole('button', { name: 'New board' }).click();
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/);
    boardPath = new URL(page.url()).pathname;
    await fillJoinForm(page, 'Carol', 'practitioner');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Discharge planning');
    expect(await page.getByRole('application').getAttribute('aria-label')).toContain('Board canvas');
    await page.goto(env.server.url);
    await page.getByRole('link', { name: 'Discharge planning' }).click();
    await waitForSaved(page);
  });

  it('draws a note written by a stock y-websocket client in Node, and skips malformed ones', async () => {
    const client = connectBoardClient(env.server.syncUrl, boardPath.replace('/b/', ''));
    const { doc } = client;
    try {
      await client.whenSynced();
      const id = createNote(
        doc,
        { lane: 'deliver', author: 'Import bot', authorRole: 'practitioner', text: 'From Node', color: 'pink' },
        'node',
      );
      doc.transact(() => {
        const broken = new Y.Map<unknown>();
        broken.set('lane', 'nowhere');
        getNotesMap(doc).set('broken-note', broken);
      });
      await waitFor(async () => (await drawnNoteIds(page)).includes(id), {
        message: "the Node client's note drawn on the canvas",
      });
      expect(await drawnNoteIds(page)).toEqual([id]);

      // Pixels, not just DOM: the note's fill colour at its rectangle, and lanes that stand out.
      const rect = await noteScreenRect(page, id);
      const png = PNG.sync.read(await page.screenshot());
      const fill = hexToRgb(NOTE_COLOR_FILL.pink);
      let filled = 0;
      let sampled = 0;
      for (let x = rect.x + 4; x < rect.x + rect.width - 4; x += 4) {
        for (let y = rect.y + 4; y < rect.y + rect.height - 4; y += 4) {
          sampled++;
          if (near(pixel(png, x, y), fill)) filled++;
        }
      }
      expect(filled / sampled).toBeGreaterThan(0.6);

      const camera = await canvasCamera(page);
      const surface = await page.locator('.board-canvas__surface').boundingBox();
      if (!surface) throw new Error('no canvas surface');
      const toPage = (bx: number, by: number) => ({
        x: surface.x + camera.x + bx * camera.scale,
        y: surface.y + camera.y + by * camera.scale,
      });
      const header = toPage(laneLeft('define') + LANE_WIDTH - 6, LANE_HEADER_HEIGHT / 2);
      const gap = toPage(laneLeft('define') + LANE_WIDTH + LANE_GAP / 2, LANE_HEADER_HEIGHT * 3);
      const laneBody = toPage(laneLeft('define') + LANE_WIDTH / 2, LANE_HEADER_HEIGHT * 3);
      const background = pixel(png, gap.x, gap.y);
      expect(near(pixel(png, header.x, header.y), background, 4)).toBe(false);
      expect(near(pixel(png, laneBody.x, laneBody.y), background, 4)).toBe(false);
    } finally {
      client.destroy();
      doc.destroy();
    }
  });

  it('adds notes by double-click and by the N key, changes their colour and deletes them', async () => {
    const notes = () =>
      page.evaluate(() => {
        const map = window.__costudio.doc.getMap<Y.Map<unknown>>('notes');
        return [...map.entries()].map(([id, note]) => ({
          id,
          lane: note.get('lane'),
          color: note.get('color'),
          text: String(note.get('text')),
        }));
      });
    const before = (await notes()).length;
    // At the readable starting zoom Decide is past the screen's edge: its lane button brings it in.
    await page.getByRole('navigation', { name: 'Lanes' }).getByRole('button', { name: 'Decide', exact: true }).click();
    const camera = await canvasCamera(page);
    const surface = await page.locator('.board-canvas__surface').boundingBox();
    if (!surface) throw new Error('no canvas surface');
    // Double-click inside the Decide lane, well below its heading.
    const x = surface.x + camera.x + (laneLeft('decide') + LANE_WIDTH / 2) * camera.scale;
    const y = surface.y + camera.y + LANE_HEADER_HEIGHT * 3 * camera.scale;
    await page.mouse.dblclick(x, y);
    await page.keyboard.type('Ask people who use the service');
    const added = await waitFor(async () => (await notes()).find((note) => note.text === 'Ask people who use the service'));
    expect(added.lane).toBe('decide');
    await page.getByRole('button', { name: 'Green' }).click();
    await waitFor(async () => (await notes()).find((note) => note.id === added.id)?.color === 'green');
    await page.getByRole('button', { name: 'Delete note' }).click();
    await waitFor(async () => (await notes()).length === before);

    // N adds a note to the focused lane (the last one used: Decide) and it is ready to type in.
    await page.locator('.board-canvas__surface').focus();
    await page.keyboard.press('n');
    await page.keyboard.type('By keyboard');
    const typed = await waitFor(async () => (await notes()).find((note) => note.text === 'By keyboard'));
    expect(typed.lane).toBe('decide');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('application');
  });

  it('lets a person change their name and role from the board', async () => {
    await page.getByRole('button', { name: /Carol – Practitioner/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Change your name or role' });
    await dialog.getByLabel('Your name').fill('Carol B');
    await dialog.getByRole('radio', { name: /patient, carer/ }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: /Carol B – Lay participant/ }).waitFor();
    await page.getByRole('button', { name: /^People/ }).click();
    await expect.poll(() => page.locator('.participants').textContent()).toContain('Lay participants: 1');
  });

  it('goes read-only, and says so, on a board from a newer version of Costudio', async () => {
    const client = connectBoardClient(env.server.syncUrl, boardPath.replace('/b/', ''));
    const { doc } = client;
    try {
      await client.whenSynced();
      doc.getMap('meta').set('schemaVersion', 999);
      await page.getByText(/made with a newer version of Costudio/).waitFor();
      expect(await page.getByRole('button', { name: /^Add note/ }).isDisabled()).toBe(true);
      doc.getMap('meta').set('schemaVersion', CURRENT_SCHEMA_VERSION);
      await waitFor(async () => !(await page.getByRole('button', { name: /^Add note/ }).isDisabled()));
    } finally {
      client.destroy();
      doc.destroy();
    }
  });

  it('says "Offline" when the relay goes away', async () => {
    await env.server.close();
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor({ timeout: 10_000 });
  });

  it('raised no page errors', () => {
    expect(problems.pageErrors).toEqual([]);
  });
});
