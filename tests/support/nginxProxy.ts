import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './freePort.ts';
import { createTempDir, type TempDir } from './tempDir.ts';
import { waitFor } from './waitFor.ts';

const NGINX = '/usr/sbin/nginx';
const OPERATIONS_MD = fileURLToPath(new URL('../../docs/operations.md', import.meta.url));

export const nginxInstalled = existsSync(NGINX);

/** Debian's nginx in front of some server instances, running the configuration operations.md documents. */
export interface NginxProxy {
  readonly port: number;
  /** 'ws://127.0.0.1:PORT/sync' */
  readonly syncUrl: string;
  readonly httpUrl: string;
  stop(): Promise<void>;
}

export interface NginxProxyOptions {
  /** The instances' ports. */
  readonly upstreams: readonly number[];
  /** false drops the `hash` line: requests go round-robin, so one board's sockets spread over the instances. */
  readonly affinity?: boolean;
}

/**
 * The scale-out ```nginx block of docs/operations.md (the one with board affinity, a `hash`
 * line; the TLS example above it fronts one instance), with the test's upstreams and port in
 * place of the examples.
 */
export function documentedConfig(options: NginxProxyOptions, port: number): string {
  const blocks = [...readFileSync(OPERATIONS_MD, 'utf8').matchAll(/```nginx\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
  const block = blocks.find((candidate) => /^\s*hash\s/m.test(candidate));
  if (!block) throw new Error('docs/operations.md has no ```nginx block with a hash (board affinity) line');
  const lines = block.split('\n').map((line) => line.replace(/^ {2}/, ''));
  const servers = options.upstreams.map((upstream) => `    server 127.0.0.1:${upstream} max_fails=1 fail_timeout=5s;`);
  const out: string[] = [];
  let placed = false;
  for (const line of lines) {
    if (/^\s*server\s+\S+:\d+/.test(line)) {
      if (!placed) out.push(...servers);
      placed = true;
    } else if (/^\s*hash\s/.test(line) && options.affinity === false) {
      // round-robin
    } else out.push(line.replace(/listen\s+80;/, `listen 127.0.0.1:${port};`));
  }
  if (!placed || !out.some((line) => line.includes(`listen 127.0.0.1:${port}`))) {
    throw new Error('the documented nginx configuration has no upstream servers or listen line to replace');
  }
  return out.join('\n');
}

/** Starts nginx (not as a daemon) with the documented configuration inside a minimal main file. */
export async function startNginxProxy(options: NginxProxyOptions): Promise<NginxProxy> {
  const dir = await createTempDir('costudio-nginx-');
  const port = await freePort();
  const main = [
    'daemon off;',
    'worker_processes 1;',
    // As root, workers would switch to nobody, who cannot use the test's private temp directory.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    `pid ${join(dir.path, 'nginx.pid')};`,
    `error_log ${join(dir.path, 'error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(dir.path, kind)};`),
    documentedConfig(options, port),
    '}',
  ].join('\n');
  const file = join(dir.path, 'nginx.conf');
  await writeFile(file, main);
  const child = spawn(NGINX, ['-p', dir.path, '-c', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const httpUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
        return (await fetch(`${httpUrl}/healthz`)).ok;
      },
      { what: 'nginx to proxy /healthz', timeoutMs: 10_000 },
    );
  } catch (error) {
    await stop(child, dir);
    throw error;
  }
  return { port, httpUrl, syncUrl: `ws://127.0.0.1:${port}/sync`, stop: () => stop(child, dir) };
}

async function stop(child: ChildProcess, dir: TempDir): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await dir.remove();
}
