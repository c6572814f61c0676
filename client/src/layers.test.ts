import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImportLayers } from '../../tests/support/importLayers.ts';

/**
 * The client's layers, lowest first (docs/architecture.md): a module may import only from a
 * lower layer or its own folder; folders on one row are siblings and may not import each other.
 * Below: what a device keeps, the typed doc, and small generic pieces; then the connection
 * (sync, offline, share links) and the session built on it; then the features; then the views
 * that compose them (canvas, list), and the page that composes everything.
 */
const LAYERS = [
  ['i18n'],
  ['device', 'doc', 'router', 'report', 'lock', 'timer'],
  ['settings', 'presence', 'sync', 'debug', 'trace', 'firstView'],
  ['offline', 'announce', 'balance', 'perspectives', 'share', 'join'],
  ['session', 'notices', 'privateWriting', 'pages'],
  ['voting', 'whatsNew', 'dataProtection', 'replies', 'youSaidWeDid'],
  ['laneList'],
  ['canvas'],
  ['follow', 'backup'],
  ['history', 'projector'],
  ['board'],
  ['App.tsx'],
  ['main.tsx'],
] as const;

/**
 * Type-only imports allowed upward. The debug hook describes what the page exposes to tests,
 * among it the canvas's camera: a type, so no runtime edge from debug/ to canvas/.
 */
const TYPE_ONLY = new Set(['debug → canvas']);

const SRC = dirname(fileURLToPath(import.meta.url));

describe('client layers', () => {
  const { unplaced, upward } = checkImportLayers(SRC, LAYERS, TYPE_ONLY);

  it('places every folder and top-level file in a layer', () => {
    expect(unplaced).toEqual([]);
  });

  it('has no import from a lower layer to a higher one, or between siblings', () => {
    expect(upward).toEqual([]);
  });
});
