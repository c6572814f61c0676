import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getMetaMap, getNotesMap } from '../schema/boardDoc.ts';
import { readMeta, UNTITLED } from '../schema/meta.ts';
import { readNote, readNotes } from '../schema/note.ts';
import { ANSWERS_FIELD } from '../schema/noteLinks.ts';
import { readReplies } from '../schema/reply.ts';
import { CURRENT_SCHEMA_VERSION, MIGRATION_ORIGIN, MIGRATIONS, type MigrationContext, migrateBoard } from './migrations.ts';

/**
 * A board exactly as a given schema version wrote it, frozen as Yjs update bytes in
 * fixtures/schema-v<N>.json. Never regenerate an old fixture with new code: its point is to be
 * what real old boards look like.
 */
interface Fixture {
  version: number;
  description: string;
  update: string;
  expected: {
    /** null: the board had no title, so the migration context's title is expected. */
    title: string | null;
    /** null: the board had no creation time, so the migration context's `now` is expected. */
    createdAt: number | null;
    notes: { id: string; lane: string; text: string; author: string; authorRole: string }[];
    /** Entries no migration can make readable; they must survive untouched, not crash. */
    unreadable: string[];
  };
}

const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));
const FIXTURES: Fixture[] = readdirSync(FIXTURE_DIR)
  .filter((name) => /^schema-v\d+\.json$/.test(name))
  .map((name) => JSON.parse(readFileSync(FIXTURE_DIR + name, 'utf8')) as Fixture)
  .sort((a, b) => a.version - b.version);

const CONTEXT: MigrationContext = { title: 'Board from fixture', now: 1_800_000_000_000 };

function loadFixture(fixture: Fixture): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(fixture.update, 'base64'));
  return doc;
}

function countUpdates(doc: Y.Doc, run: () => void): { updates: number; origins: unknown[] } {
  const origins: unknown[] = [];
  const onUpdate = (_update: Uint8Array, origin: unknown) => origins.push(origin);
  doc.on('update', onUpdate);
  try {
    run();
  } finally {
    doc.off('update', onUpdate);
  }
  return { updates: origins.length, origins };
}

describe('MIGRATIONS', () => {
  it('are ordered 1, 2, 3… with no gaps, and CURRENT_SCHEMA_VERSION is the last', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(CURRENT_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  // Adding a migration without a fixture of the board it produces fails here, on purpose:
  // every layout a real board can have on disk must be proven to load.
  it('have a fixture for every schema version from 0 to CURRENT_SCHEMA_VERSION', () => {
    const have = FIXTURES.map((fixture) => fixture.version);
    const need = Array.from({ length: CURRENT_SCHEMA_VERSION + 1 }, (_, version) => version);
    expect(have).toEqual(need);
  });

  it('each have a description', () => {
    for (const migration of MIGRATIONS) expect(migration.description.trim()).not.toBe('');
  });
});

describe.each(FIXTURES)('board fixture of schema v$version', (fixture) => {
  it('migrates to CURRENT_SCHEMA_VERSION with every note readable and its content kept', () => {
    const doc = loadFixture(fixture);
    const result = migrateBoard(doc, CONTEXT);

    expect(result.from).toBe(fixture.version);
    expect(result.to).toBe(CURRENT_SCHEMA_VERSION);
    expect(result.applied).toEqual(MIGRATIONS.filter((m) => m.version > fixture.version).map((m) => m.version));
    expect(readMeta(doc)).toEqual({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      title: fixture.expected.title ?? CONTEXT.title,
      createdAt: fixture.expected.createdAt ?? CONTEXT.now,
    });
    const notes = readNotes(doc)
      .map(({ id, lane, text, author, authorRole }) => ({ id, lane, text, author, authorRole }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(notes).toEqual([...fixture.expected.notes].sort((a, b) => a.id.localeCompare(b.id)));
    // The current layout stores every note's text as Y.Text, so collaborative editing works on it.
    for (const note of fixture.expected.notes) expect(getNotesMap(doc).get(note.id)?.get('text')).toBeInstanceOf(Y.Text);
    // …and every note has its answers map (v3), so two people linking it at once both keep their link.
    for (const note of fixture.expected.notes) expect(getNotesMap(doc).get(note.id)?.get(ANSWERS_FIELD)).toBeInstanceOf(Y.Map);
    for (const id of fixture.expected.unreadable) {
      expect(getNotesMap(doc).has(id)).toBe(true);
      expect(readNote(id, getNotesMap(doc).get(id))).toBeNull();
    }
  });

  it('migrates in one transaction tagged MIGRATION_ORIGIN (or not at all when already current)', () => {
    const doc = loadFixture(fixture);
    const { updates, origins } = countUpdates(doc, () => migrateBoard(doc, CONTEXT));
    if (fixture.version === CURRENT_SCHEMA_VERSION) {
      expect(updates).toBe(0);
    } else {
      expect(updates).toBe(1);
      expect(origins).toEqual([MIGRATION_ORIGIN]);
    }
  });

  it('is idempotent: migrating twice equals migrating once', () => {
    const once = loadFixture(fixture);
    migrateBoard(once, CONTEXT);
    const twice = loadFixture(fixture);
    migrateBoard(twice, CONTEXT);
    const second = countUpdates(twice, () => migrateBoard(twice, CONTEXT));
    expect(second.updates).toBe(0);
    expect(twice.toJSON()).toEqual(once.toJSON());
  });

  it('converges when two servers migrate the same board at the same time', () => {
    const a = loadFixture(fixture);
    const b = loadFixture(fixture);
    migrateBoard(a, CONTEXT);
    migrateBoard(b, { ...CONTEXT, now: CONTEXT.now + 1 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(readMeta(a).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(
      readNotes(a)
        .map((note) => note.text)
        .sort(),
    ).toEqual(fixture.expected.notes.map((note) => note.text).sort());
  });
});

describe('the v3 layout', () => {
  it('keeps a link between lanes and a reply as written', () => {
    const fixture = FIXTURES.find((candidate) => candidate.version === 3) as Fixture;
    const doc = loadFixture(fixture);
    migrateBoard(doc, CONTEXT);
    expect(readNotes(doc).find((note) => note.id === 'n-decide-1')?.answers).toEqual(['n-define-1']);
    expect(readReplies(doc).map(({ id, noteId, authorRole }) => ({ id, noteId, authorRole }))).toEqual([
      { id: 'r-1', noteId: 'n-define-1', authorRole: 'practitioner' },
    ]);
  });

  it('gives a v2 note an empty answers map that two peers can then link into without losing either link', () => {
    const fixture = FIXTURES.find((candidate) => candidate.version === 2) as Fixture;
    const server = loadFixture(fixture);
    migrateBoard(server, CONTEXT);
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(server));
    const answersOf = (doc: Y.Doc) => getNotesMap(doc).get('n-evaluate-1')?.get(ANSWERS_FIELD) as Y.Map<boolean>;
    answersOf(a).set('n-distribute-1', true);
    answersOf(b).set('x-other', true);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect([...answersOf(a).keys()].sort()).toEqual(['n-distribute-1', 'x-other']);
  });
});

describe('each migration step', () => {
  // Every step's `up` must be idempotent on its own, not only through migrateBoard's version
  // check: two servers may run the same step on the same board.
  it.each(MIGRATIONS.map((migration) => [migration.version, migration] as const))(
    'v%i up() run twice equals once',
    (version, migration) => {
      const fixture = FIXTURES.find((candidate) => candidate.version === version - 1);
      expect(fixture, `fixture schema-v${version - 1}.json`).toBeDefined();
      const doc = loadFixture(fixture as Fixture);
      doc.transact(() => migration.up(doc, CONTEXT));
      const afterOnce = doc.toJSON();
      const second = countUpdates(doc, () => doc.transact(() => migration.up(doc, CONTEXT)));
      expect(second.updates).toBe(0);
      expect(doc.toJSON()).toEqual(afterOnce);
    },
  );
});

describe('migrateBoard on other boards', () => {
  it('leaves a board written by a newer Costudio untouched', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      const meta = getMetaMap(doc);
      meta.set('schemaVersion', CURRENT_SCHEMA_VERSION + 1);
      meta.set('title', 42); // a field whose meaning a newer version may have changed
      const note = new Y.Map<unknown>();
      note.set('lane', 'define');
      note.set('text', 'plain string a newer version might use');
      note.set('futureField', { nested: true });
      getNotesMap(doc).set('n1', note);
    });
    const before = Y.encodeStateAsUpdate(doc);
    const { updates } = countUpdates(doc, () => {
      expect(migrateBoard(doc, CONTEXT)).toEqual({
        from: CURRENT_SCHEMA_VERSION + 1,
        to: CURRENT_SCHEMA_VERSION + 1,
        applied: [],
      });
    });
    expect(updates).toBe(0);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('gives a brand-new empty board the current version, the context title and creation time', () => {
    const doc = new Y.Doc();
    migrateBoard(doc, CONTEXT);
    expect(readMeta(doc)).toEqual({ schemaVersion: CURRENT_SCHEMA_VERSION, title: CONTEXT.title, createdAt: CONTEXT.now });
  });

  it('falls back to "Untitled board" and the current time when no defaults are given', () => {
    const doc = new Y.Doc();
    const before = Date.now();
    migrateBoard(doc);
    const meta = readMeta(doc);
    expect(meta.title).toBe(UNTITLED);
    expect(meta.createdAt).toBeGreaterThanOrEqual(before);
    expect(meta.createdAt).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    ['a string', '2'],
    ['a fraction', 1.5],
    ['NaN', Number.NaN],
  ])('treats a schemaVersion that is %s as version 0 and repairs the board', (_label, stored) => {
    const doc = new Y.Doc();
    getMetaMap(doc).set('schemaVersion', stored);
    const result = migrateBoard(doc, CONTEXT);
    expect(result.from).toBe(0);
    expect(readMeta(doc).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });
});
