import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../tests/support/waitFor.ts';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(serverDir, 'node_modules', '.bin', 'tsx');

interface Run {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

const runs: Run[] = [];
const dirs: string[] = [];

function run(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(tsx, ['src/main.ts', ...args], { cwd: serverDir, env: { ...process.env, ...env } });
  const result: Run = {
    child,
    stdout: '',
    stderr: '',
    exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  child.stdout.on('data', (chunk) => {
    result.stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    result.stderr += chunk;
  });
  runs.push(result);
  return result;
}

afterEach(() => {
  for (const { child } of runs.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('costudio-server CLI', () => {
  it('prints help with every setting and exits 0', async () => {
    const help = run(['--help']);
    expect(await help.exit).toBe(0);
    expect(help.stdout).toContain('PORT');
    expect(help.stdout).toContain('DATA_DIR');
    // As `pnpm --filter @costudio/server start -- --help` passes it.
    const viaPnpm = run(['--', '--help']);
    expect(await viaPnpm.exit).toBe(0);
    expect(viaPnpm.stdout).toContain('PORT');
  }, 30_000);

  it('refuses a bad setting with exit code 2 and a message naming it', async () => {
    const bad = run([], { PORT: 'eighty' });
    expect(await bad.exit).toBe(2);
    expect(bad.stderr).toContain('PORT must be a whole number');
  }, 30_000);

  it('logs a JSON "listening" line, serves, and exits 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costudio-cli-'));
    dirs.push(dir);
    const server = run([], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'data') });
    await waitFor(() => server.stdout.includes('"msg":"listening"'), {
      timeoutMs: 20_000,
      intervalMs: 20,
      what: 'the listening line',
    });
    const line = server.stdout.split('\n').find((l) => l.includes('"msg":"listening"')) as string;
    const record = JSON.parse(line) as { level: string; port: number };
    expect(record.level).toBe('info');
    expect((await fetch(`http://127.0.0.1:${record.port}/healthz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exit).toBe(0);
  }, 30_000);
});
