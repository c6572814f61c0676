import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The server's layers, lowest first (docs/architecture.md): a module may import only from a
 * lower layer or its own folder. Folders on one row are siblings and may not import each other.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['log.ts', 'metrics.ts'],
  ['storage'],
  ['config.ts'],
  ['boardFile'],
  ['scale'],
  ['relay'],
  ['http'],
  ['auth', 'facilitation', 'dataProtection'],
  ['history'],
  ['backup'],
  ['access'],
  ['startServer.ts'],
  ['main.ts', 'index.ts'],
];

const SRC = dirname(fileURLToPath(import.meta.url));
const IMPORT = /^(?:import|export)\s[^;]*?from\s+'([^']+)'/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The layer's folder or top-level file a module belongs to. */
const unit = (file: string) => relative(SRC, file).split('/')[0] as string;
const layerOf = (name: string) => LAYERS.findIndex((row) => row.includes(name));

describe('server layers', () => {
  const files = sourceFiles(SRC);

  it('places every folder and top-level file in a layer', () => {
    expect([...new Set(files.map(unit))].filter((name) => layerOf(name) < 0)).toEqual([]);
  });

  it('has no import from a lower layer to a higher one, or between siblings', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = relative(SRC, file);
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        if (specifier === 'vitest') upward.push(`${from} imports vitest`);
        if (!specifier?.startsWith('.')) continue;
        const target = resolve(dirname(file), specifier);
        const [source, destination] = [unit(file), unit(target)];
        if (destination === '..') upward.push(`${from} → outside server/src: ${specifier}`);
        if (source === destination) continue;
        if (layerOf(destination) >= layerOf(source)) upward.push(`${from} → ${relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
