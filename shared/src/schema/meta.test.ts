import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getMetaMap } from './boardDoc.ts';
import { type BoardMeta, MAX_TITLE_LENGTH, readMeta, UNTITLED } from './meta.ts';

const VALID = { schemaVersion: 2, title: 'Discharge day', createdAt: 1_720_000_000_000 };

function metaOf(fields: Record<string, unknown>): Y.Doc {
  const doc = new Y.Doc();
  const meta = getMetaMap(doc);
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) meta.set(key, value);
  return doc;
}

describe('readMeta repairs missing or wrong-typed fields', () => {
  it.each<[string, Record<string, unknown>, Partial<BoardMeta>]>([
    ['valid meta', {}, {}],
    ['no schemaVersion (pre-versioning board)', { schemaVersion: undefined }, { schemaVersion: 0 }],
    ['schemaVersion as a string', { schemaVersion: '2' }, { schemaVersion: 0 }],
    ['schemaVersion fractional', { schemaVersion: 1.5 }, { schemaVersion: 0 }],
    ['schemaVersion negative', { schemaVersion: -1 }, { schemaVersion: 0 }],
    ['a newer schemaVersion (kept, so the client can go read-only)', { schemaVersion: 99 }, { schemaVersion: 99 }],
    ['no title', { title: undefined }, { title: UNTITLED }],
    ['a blank title', { title: '   ' }, { title: UNTITLED }],
    ['a title that is a number', { title: 7 }, { title: UNTITLED }],
    ['a title over the limit', { title: 'T'.repeat(500) }, { title: 'T'.repeat(MAX_TITLE_LENGTH) }],
    ['no createdAt', { createdAt: undefined }, { createdAt: 0 }],
    ['createdAt as a string', { createdAt: '2024-01-01' }, { createdAt: 0 }],
    ['createdAt negative', { createdAt: -5 }, { createdAt: 0 }],
    ['createdAt infinite', { createdAt: Number.POSITIVE_INFINITY }, { createdAt: 0 }],
  ])('%s', (_label, overrides, expected) => {
    expect(readMeta(metaOf({ ...VALID, ...overrides }))).toEqual({ ...VALID, ...expected });
  });

  it('reads an empty doc without throwing', () => {
    expect(readMeta(new Y.Doc())).toEqual({ schemaVersion: 0, title: UNTITLED, createdAt: 0 });
  });
});
