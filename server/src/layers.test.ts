import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImportLayers } from '../../tests/support/importLayers.ts';

/**
 * The server's layers, lowest first (docs/architecture.md): a module may import only from a
 * lower layer or its own folder. Folders on one row are siblings and may not import each other.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['log.ts', 'metrics.ts', 'deferred.ts'],
  ['storage'],
  ['config.ts'],
  ['boardFile'],
  ['scale'],
  ['relay'],
  ['http'],
  ['auth', 'facilitation', 'dataProtection'],
  ['history', 'reports', 'firstView'],
  ['backup'],
  ['access'],
  ['startServer.ts'],
  ['main.ts', 'index.ts'],
  ['cli.ts'],
];

const SRC = dirname(fileURLToPath(import.meta.url));

describe('server layers', () => {
  const { unplaced, upward } = checkImportLayers(SRC, LAYERS);

  it('places every folder and top-level file in a layer', () => {
    expect(unplaced).toEqual([]);
  });

  it('has no import from a lower layer to a higher one, or between siblings', () => {
    expect(upward).toEqual([]);
  });
});
