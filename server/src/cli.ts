#!/usr/bin/env node
/**
 * `costudio <command>`: the one command operators run. Each command is the existing entry point
 * (the server, the admin and share-link tools), loaded only when asked for, plus the
 * whole-deployment backup and restore. Exit codes: 0 done, 1 failed, 2 bad usage.
 */
import { resolve } from 'node:path';
import { BackupError, backupDeployment, restoreDeployment } from './backup/deploymentBackup.ts';
import { DEFAULTS } from './config.ts';

const HELP: Record<string, string> = {
  serve: `costudio serve [--help]
  Runs the server (HTTP, WebSocket sync, the built client) until SIGTERM or SIGINT.
  Settings come from the environment; \`costudio serve --help\` lists them.
`,
  backup: `costudio backup <directory>
  Copies the whole deployment into <directory> (created; must not hold a backup): the database,
  online with SQLite's backup API (safe while the server runs and writes), the share-link key
  (DATA_DIR/secret.key; with COSTUDIO_SECRET set, keep that value yourself) and manifest.json.
  Environment: DATA_DIR (default ./data).
`,
  restore: `costudio restore <directory> [--force]
  Puts a backup made by \`costudio backup\` into DATA_DIR. Stop the server first. Refuses a
  DATA_DIR that already holds a database unless --force, which replaces it.
  Environment: DATA_DIR (default ./data).
`,
  links: `costudio links <boardId> [facilitate|edit|view]
  Prints a new share link's page path for a board. DATA_DIR and COSTUDIO_SECRET as for the server.
`,
  admin: `costudio admin list | export <boardId> [file] | import <file>
  Exports and imports single boards as JSON, beside a running server or with it stopped.
`,
};

const USAGE = `Usage: costudio <command> [arguments]

Commands:
  serve     run the server
  backup    copy the whole deployment (database + share-link key), online
  restore   put a backup into DATA_DIR (server stopped)
  links     print a new share link for a board
  admin     export and import single boards

\`costudio <command> --help\` for each. Documentation: docs/operations.md.
`;

const args = process.argv.slice(2).filter((arg) => arg !== '--');
const [command, ...rest] = args;
const wantsHelp = rest.includes('--help') || rest.includes('-h');

/** Runs an existing entry point as if it had been started with `rest` as its arguments. */
async function delegate(load: () => Promise<unknown>): Promise<void> {
  process.argv = [process.argv[0] as string, process.argv[1] as string, ...rest];
  await load();
}

const dataDir = () => resolve(process.env.DATA_DIR?.trim() || DEFAULTS.dataDir);

async function run(): Promise<number | null> {
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (!Object.hasOwn(HELP, command)) {
    process.stderr.write(`Unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  if (wantsHelp && command !== 'serve') {
    process.stdout.write(HELP[command] as string);
    return 0;
  }
  switch (command) {
    case 'serve':
      await delegate(() => import('./main.ts'));
      return null;
    case 'links':
      await delegate(() => import('./auth/linksCli.ts'));
      return null;
    case 'admin':
      await delegate(() => import('./backup/adminCli.ts'));
      return null;
    case 'backup': {
      const [destination, extra] = rest;
      if (!destination || extra !== undefined) return usage('backup');
      const manifest = await backupDeployment(dataDir(), resolve(destination), {
        secretInEnvironment: Boolean(process.env.COSTUDIO_SECRET?.trim()),
      });
      process.stderr.write(`Backed up ${manifest.boards} boards to ${resolve(destination)}\n`);
      if (manifest.secret === 'environment') {
        process.stderr.write('COSTUDIO_SECRET is set: keep its value with this backup, or links will stop working.\n');
      }
      return 0;
    }
    case 'restore': {
      const force = rest.includes('--force');
      const positional = rest.filter((arg) => arg !== '--force');
      const [source, extra] = positional;
      if (!source || extra !== undefined) return usage('restore');
      const manifest = restoreDeployment(resolve(source), dataDir(), { force });
      process.stderr.write(`Restored ${manifest.boards} boards (backup of ${manifest.createdAt}) into ${dataDir()}\n`);
      return 0;
    }
  }
  return usage(command);
}

function usage(name: string): number {
  process.stderr.write(HELP[name] ?? USAGE);
  return 2;
}

run().then(
  (code) => {
    // null: a delegated entry point runs on and sets its own exit code.
    if (code !== null) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`Failed: ${error instanceof BackupError || error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
