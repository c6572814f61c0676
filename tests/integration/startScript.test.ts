import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/freePort.ts';
import { createTempDir, type TempDir } from '../support/tempDir.ts';
import { waitFor } from '../support/waitFor.ts';

/**
 * What a service manager does: start Costudio the way the README says and stop it with SIGTERM
 * to the process it started — pnpm. The compiled server must stop and free its port; nothing
 * may be left behind.
 *
 * It runs `pnpm run serve`, the command `pnpm start` ends in (checked below), rather than
 * `pnpm start` itself: that would rebuild client/dist while other test files read it.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const scripts = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;

let dir: TempDir;
let pnpm: ChildProcess | undefined;

beforeAll(async () => {
  // The server bundle is built by `pnpm run build`; rebuilding it here (half a second) makes sure
  // the test runs today's sources. Nothing else reads server/dist during the tests.
  execFileSync(process.execPath, ['server/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
  dir = await createTempDir('costudio-start-');
});

afterAll(async () => {
  // Only if the test failed: leave no server running.
  for (const pid of processesOf(dir.path)) process.kill(pid, 'SIGKILL');
  pnpm?.kill('SIGKILL');
  await dir.remove();
});

describe('pnpm start', () => {
  it('builds, then runs the server as the last command of the same shell', () => {
    expect(scripts.start).toBe(`pnpm run build && ${scripts.serve}`);
    // `exec` makes node pnpm's own child: pnpm hands SIGTERM only to its child, and a shell
    // in between would die and orphan the server.
    expect(scripts.serve).toMatch(/&& exec node [^&|;]*dist\/main\.js$/);
  });

  it('stops the server and frees the port within 10 s of SIGTERM to pnpm', async () => {
    const port = await freePort();
    const child = spawn('pnpm', ['run', 'serve'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir.path, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    pnpm = child;
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, {
      timeoutMs: 30_000,
      what: `/healthz on port ${port}`,
    });
    const servers = processesOf(dir.path).filter((pid) => /^\S*node \S.*dist\/main\.js/.test(commandLine(pid)));
    expect(servers, 'one compiled server process').toHaveLength(1);

    const signalled = Date.now();
    child.kill('SIGTERM');
    await waitFor(async () => !(await accepts(port)) && processesOf(dir.path).length === 0, {
      timeoutMs: 10_000,
      what: `port ${port} to be free and every process of this start to be gone; output so far:\n${output}`,
    });
    const stoppedAfterMs = Date.now() - signalled;
    expect(await exited, `pnpm's exit code; output:\n${output}`).toBe(0);
    expect(output).toContain('"msg":"stopped"');
    expect(stoppedAfterMs).toBeLessThan(10_000);

    // The compiled admin command line reads what the compiled server left.
    const boards = execFileSync('pnpm', ['--silent', '--filter', '@costudio/server', 'admin', 'list'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dir.path },
      encoding: 'utf8',
    });
    expect(boards.trim()).toBe('');
  });

  it('prints the settings with `pnpm --filter @costudio/server start -- --help`', () => {
    const help = execFileSync('pnpm', ['--filter', '@costudio/server', 'start', '--', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help).toContain('DATA_DIR');
    expect(help).toContain('SIGTERM');
  });
});

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

/**
 * Every live process started for this test — pnpm, any shell, node — found by the unique
 * DATA_DIR they inherit, so a server orphaned under another parent is found too.
 */
function processesOf(dataDir: string): number[] {
  const marker = `\0DATA_DIR=${dataDir}\0`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (`\0${readFileSync(`/proc/${entry}/environ`, 'latin1')}`.includes(marker) && !isZombie(entry)) pids.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return pids;
}

function isZombie(pid: string): boolean {
  // /proc/<pid>/stat: "pid (comm) state …"; comm may contain spaces and parentheses.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}
