// Compiles the server once, at build time, into server/dist/ so production runs it with plain
// `node` — no TypeScript loader in the running process (the tsx CLI that `pnpm start` used to
// run idled at 70 MiB more RSS and spent about 3× the CPU to start; see bench/RESULTS.md).
//
// esbuild rather than tsc: the server imports the workspace package @costudio/shared as
// TypeScript sources (its `exports` point at src/index.ts) with `.ts` import specifiers, which
// tsc would leave for Node to load from node_modules, where Node refuses to strip types. Bundling
// pulls shared in; every npm dependency stays an ordinary import resolved from
// server/node_modules at run time, so native modules (better-sqlite3) load as usual and yjs is
// one instance for the server and shared alike. esbuild is the version tsx and Vite already
// install (nothing new downloaded); type checking stays with `pnpm run typecheck`.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const serverDir = new URL('.', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', serverDir), 'utf8'));

// npm packages stay external (with their subpaths, e.g. lib0/encoding); workspace packages are
// bundled because they are TypeScript sources.
const external = Object.keys(pkg.dependencies)
  .filter((name) => !name.startsWith('@costudio/'))
  .flatMap((name) => [name, `${name}/*`]);

/** Entry points: the server and the operators' command-line tools. */
const entryPoints = {
  main: 'src/main.ts',
  adminCli: 'src/backup/adminCli.ts',
  linksCli: 'src/auth/linksCli.ts',
  cli: 'src/cli.ts',
  // Not run by hand: the worker thread of board imports, which backup/importInWorker.ts starts
  // from beside main.js.
  importWorker: 'src/backup/importWorker.ts',
};

const outdir = new URL('dist/', serverDir).pathname;
rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
await build({
  absWorkingDir: serverDir.pathname,
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external,
  // One self-contained file per entry point, no shared chunks: modules that find files from
  // import.meta.url (config.ts's default CLIENT_DIR, ../../client/dist) must sit one folder below
  // server/, in dist/ as they do in src/.
  splitting: false,
  // Readable stack traces in the logs: no minification, and a source map beside each file
  // (`node --enable-source-maps` maps them back to the .ts lines).
  sourcemap: 'linked',
  keepNames: true,
  logLevel: 'warning',
});
// esbuild keeps the entry files' shebang, which runs them through tsx; the built ones need only node.
for (const name of Object.keys(entryPoints)) {
  const file = `${outdir}${name}.js`;
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^#!.*\n/, '#!/usr/bin/env node\n'));
}
process.stdout.write(`server built into server/dist in ${Math.round(performance.now() - started)} ms\n`);
