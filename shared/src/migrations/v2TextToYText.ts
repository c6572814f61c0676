import * as Y from 'yjs';
import { getNotesMap } from '../schema/boardDoc.ts';
import type { Migration } from './migrations.ts';

/**
 * v2: a note's `text` is a Y.Text, so two people typing in one note keep both their characters.
 * Early importers wrote plain strings; those become Y.Text with the same content.
 */
export const v2TextToYText: Migration = {
  version: 2,
  description: 'Store note text as collaborative Y.Text',
  up(doc: Y.Doc) {
    getNotesMap(doc).forEach((note) => {
      if (!(note instanceof Y.Map)) return;
      const text = note.get('text');
      if (text instanceof Y.Text) return;
      note.set('text', new Y.Text(typeof text === 'string' ? text : ''));
    });
  },
};
