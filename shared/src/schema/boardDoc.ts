import type * as Y from 'yjs';

/**
 * The top-level shared types of a board's Y.Doc. Their names are the public contract
 * documented in docs/schema.md; everything reads and writes through these getters.
 */
export const META_MAP = 'meta';
export const NOTES_MAP = 'notes';

export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_MAP);
}

/** note id → Y.Map holding one note's fields (see schema/note.ts). */
export function getNotesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(NOTES_MAP);
}
