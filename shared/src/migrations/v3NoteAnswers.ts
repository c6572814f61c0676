import * as Y from 'yjs';
import { getNotesMap } from '../schema/boardDoc.ts';
import { ANSWERS_FIELD } from '../schema/noteLinks.ts';
import type { Migration } from './migrations.ts';

/**
 * v3: every note has an `answers` map (the notes it answers, schema/noteLinks.ts). Created
 * here, once, by the server before any client syncs: if two people linking an old note each
 * created the map, one map would win and the other person's link would be lost.
 */
export const v3NoteAnswers: Migration = {
  version: 3,
  description: 'Give every note an answers map for links between lanes',
  up(doc: Y.Doc) {
    getNotesMap(doc).forEach((note) => {
      if (!(note instanceof Y.Map) || note.get(ANSWERS_FIELD) instanceof Y.Map) return;
      note.set(ANSWERS_FIELD, new Y.Map<boolean>());
    });
  },
};
