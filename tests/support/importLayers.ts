import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** A package's layers, lowest first; folders (or top-level files) on one row are siblings. */
export type Layers = readonly (readonly string[])[];

export interface LayerCheck {
  /** Folders or top-level files under `src` that are in no layer. */
  readonly unplaced: string[];
  /** Each import that runs up a layer or across siblings, leaves `src`, or pulls in vitest. */
  readonly upward: string[];
}

const IMPORT = /^(?:import|export)\s(type\s)?[^;]*?from\s+'([^']+)'/gm;
const SOURCE = /\.tsx?$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Reads every production source file under `src` and checks its relative imports against
 * `layers`: a module may import its own folder or a lower layer. `typeOnly` lists the
 * `from → to` folder pairs whose `import type` may run upward (a type creates no runtime edge;
 * each such pair is justified where the layers are defined).
 */
export function checkImportLayers(src: string, layers: Layers, typeOnly: ReadonlySet<string> = new Set()): LayerCheck {
  const unit = (file: string) => relative(src, file).split('/')[0] as string;
  const layerOf = (name: string) => layers.findIndex((row) => row.includes(name));
  const files = sourceFiles(src);
  const unplaced = [...new Set(files.map(unit))].filter((name) => layerOf(name) < 0);
  const upward: string[] = [];
  for (const file of files) {
    const from = relative(src, file);
    for (const [, isType, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (specifier === 'vitest') upward.push(`${from} imports vitest`);
      if (!specifier?.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier);
      const [source, destination] = [unit(file), unit(target)];
      if (destination === '..') upward.push(`${from} → outside ${relative(dirname(src), src)}: ${specifier}`);
      if (source === destination) continue;
      if (isType && typeOnly.has(`${source} → ${destination}`)) continue;
      if (layerOf(destination) >= layerOf(source)) upward.push(`${from} → ${relative(src, target)}`);
    }
  }
  return { unplaced, upward };
}
