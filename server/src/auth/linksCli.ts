#!/usr/bin/env -S npx tsx
/**
 * `pnpm --filter @costudio/server links -- <boardId> [facilitate|edit|view]`: prints a new share
 * link's page path for a board (docs/api.md, "Open mode and boards made before links").
 * DATA_DIR and COSTUDIO_SECRET as for the server. Exit codes: 0 done, 1 no such board, 2 usage.
 */
import { resolve } from 'node:path';
import { ACCESS_LEVELS, type Access, isValidBoardId } from '@costudio/shared';
import { DEFAULTS } from '../config.ts';
import { issueLinkInDataDir } from './issueLink.ts';

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const [boardId, access = 'facilitate'] = args;
if (!boardId || !isValidBoardId(boardId) || !ACCESS_LEVELS.includes(access as Access)) {
  process.stderr.write('Usage: links <boardId> [facilitate|edit|view]\n');
  process.exit(2);
}
const dataDir = resolve(process.env.DATA_DIR?.trim() || DEFAULTS.dataDir);
const link = await issueLinkInDataDir(dataDir, boardId, access as Access, process.env.COSTUDIO_SECRET?.trim() || undefined);
if (!link?.path) {
  process.stderr.write(`No board ${boardId} in ${dataDir}\n`);
  process.exit(1);
}
process.stdout.write(`${link.path}\n`);
