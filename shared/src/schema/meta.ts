import type * as Y from 'yjs';
import { getMetaMap } from './boardDoc.ts';

/** Board-level facts, stored in `doc.getMap('meta')`. */
export interface BoardMeta {
  /** Integer version of this document's layout; migrations raise it, never lower it. */
  schemaVersion: number;
  /** Human title, at most MAX_TITLE_LENGTH characters; "Untitled board" when missing. */
  title: string;
  /** Milliseconds since the epoch; 0 when unknown. */
  createdAt: number;
}

export const MAX_TITLE_LENGTH = 120;
export const UNTITLED = 'Untitled board';

/** Reads meta, repairing missing or wrong-typed fields instead of throwing. */
export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = getMetaMap(doc);
  const version = meta.get('schemaVersion');
  const title = meta.get('title');
  const createdAt = meta.get('createdAt');
  return {
    schemaVersion: Number.isInteger(version) && (version as number) >= 0 ? (version as number) : 0,
    title: typeof title === 'string' && title.trim() !== '' ? title.slice(0, MAX_TITLE_LENGTH) : UNTITLED,
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) && createdAt >= 0 ? createdAt : 0,
  };
}
