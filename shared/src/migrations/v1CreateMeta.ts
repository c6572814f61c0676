import type * as Y from 'yjs';
import { getMetaMap } from '../schema/boardDoc.ts';
import type { Migration, MigrationContext } from './migrations.ts';

/**
 * v1: every board has `meta.title` and `meta.createdAt`. Boards from before the schema was
 * versioned (version 0) may lack them; a wrong-typed title is replaced, never thrown on.
 */
export const v1CreateMeta: Migration = {
  version: 1,
  description: 'Give every board a title and a creation time',
  // A board without meta is either brand new or predates versioning; either way the time it
  // was first loaded by a versioned server is the best creation time we can know.
  up(doc: Y.Doc, context: MigrationContext) {
    const meta = getMetaMap(doc);
    const title = meta.get('title');
    if (typeof title !== 'string' || title.trim() === '') meta.set('title', context.title);
    const createdAt = meta.get('createdAt');
    if (typeof createdAt !== 'number' || !Number.isFinite(createdAt)) meta.set('createdAt', context.now);
  },
};
