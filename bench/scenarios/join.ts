import { performance } from 'node:perf_hooks';
import { createNote, getNotesMap, LANE_GAP, LANE_IDS, LANE_WIDTH, laneLeft } from '@costudio/shared';
import { RawSyncClient } from '../lib/RawSyncClient.ts';
import type { ServerProcess } from '../lib/serverProcess.ts';

/** Notes per seeding transaction: each becomes one update frame, well under MAX_FRAME_BYTES. */
const SEED_BATCH = 250;
const JOIN_TIMEOUT_MS = 60_000;

/**
 * Fills `board` with `noteCount` notes through a client that stays connected (so the board stays
 * loaded in the server), and waits until a second client receives all of them.
 * Returns the seeding client; close it to let the board go idle.
 */
export async function seedBoard(server: ServerProcess, board: string, noteCount: number): Promise<RawSyncClient> {
  const seeder = new RawSyncClient(server.roomUrl(board));
  await seeder.whenSynced();
  for (let start = 0; start < noteCount; start += SEED_BATCH) {
    seeder.doc.transact(() => {
      for (let i = start; i < Math.min(noteCount, start + SEED_BATCH); i++) {
        const lane = LANE_IDS[i % LANE_IDS.length] ?? 'define';
        const row = Math.floor(i / LANE_IDS.length);
        // Explicit positions: nextFreeSpot scans every note, which is quadratic over 10,000.
        createNote(seeder.doc, {
          lane,
          author: 'Bench',
          authorRole: 'lay',
          text: `Note ${i}: what would make this visit easier for you?`,
          x: laneLeft(lane) + (row % 2) * ((LANE_WIDTH - LANE_GAP) / 2),
          y: 120 + row * 40,
          createdAt: 1_700_000_000_000 + i,
        });
      }
    });
  }
  // The first join both proves the server holds everything and warms it up.
  await timeJoin(server, board, noteCount);
  return seeder;
}

export interface JoinTiming {
  /** From opening the socket until the client's doc holds every note. */
  totalMs: number;
  /** From opening the socket until the frame with the server's document (sync step 2) arrived. */
  stateArrivedMs: number;
  /** Size of that frame. */
  stateBytes: number;
}

/** Times a fresh client joining `board` until its doc holds `noteCount` notes. */
export async function timeJoin(server: ServerProcess, board: string, noteCount: number): Promise<JoinTiming> {
  const startedAt = performance.now();
  const client = new RawSyncClient(server.roomUrl(board));
  const notes = getNotesMap(client.doc);
  try {
    return await new Promise<JoinTiming>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`join of ${board} on ${server.kind}: ${notes.size}/${noteCount} notes after ${JOIN_TIMEOUT_MS} ms`)),
        JOIN_TIMEOUT_MS,
      );
      client.onMessage(() => {
        if (notes.size >= noteCount) {
          clearTimeout(timer);
          const totalMs = performance.now() - startedAt;
          resolve({ totalMs, stateArrivedMs: client.syncFrameAt - startedAt, stateBytes: client.syncFrameBytes });
        }
      });
      client.whenSynced(JOIN_TIMEOUT_MS).catch((error: Error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } finally {
    await client.close();
  }
}
