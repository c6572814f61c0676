#!/usr/bin/env node
// Makes sure Debian's Chromium is at /usr/bin/chromium before the e2e tests run. The tests drive
// that binary with playwright-core; we never download a browser build (`npx playwright install`),
// because CI and developer machines can only reach the npm registry and Debian's packages.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM_PATH = '/usr/bin/chromium';

if (existsSync(CHROMIUM_PATH)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

if (isRoot && hasApt) {
  console.log(`${CHROMIUM_PATH} not found: installing Debian's chromium package with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
      process.exit(1);
    }
  }
  if (existsSync(CHROMIUM_PATH)) process.exit(0);
  console.error(`apt-get finished but ${CHROMIUM_PATH} is still missing.`);
  process.exit(1);
}

console.error(
  [
    `The end-to-end tests need Chromium at ${CHROMIUM_PATH}, and it is not there.`,
    "Install Debian/Ubuntu's package, then run the tests again:",
    '',
    '    sudo apt-get update && sudo apt-get install -y chromium',
    '',
    `(On other systems, install Chromium and link its binary to ${CHROMIUM_PATH}.)`,
  ].join('\n'),
);
process.exit(1);
