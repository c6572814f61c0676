import { type Lane, lanePrompt, laneTitle, type Note } from '@costudio/shared';
import { memo } from 'react';
import type * as Y from 'yjs';
import type { BoardEditor } from '../doc/BoardEditor.ts';
import type { NotesStore } from '../doc/NotesStore.ts';
import { useT } from '../i18n/useT.ts';
import { NoteItem } from './NoteItem.tsx';

interface LaneSectionProps {
  lane: Lane;
  /** The lane's notes in reading order; the same array until one is added, moved or removed. */
  noteIds: readonly string[];
  notes: NotesStore;
  doc: Y.Doc;
  editor: BoardEditor;
  readOnly: boolean;
  /** A view-only link: no Add note or note buttons at all. */
  viewOnly: boolean;
  onAdd(lane: Lane): void;
  onMove(note: Note): void;
  onDelete(note: Note): void;
}

export const laneAddId = (lane: string) => `lane-add-${lane}`;

/**
 * One lane as a landmark region named by its title, with its prompt as the guide. Memoised,
 * like its notes: typing in one note re-renders that note only (issue 12).
 */
export const LaneSection = memo(function LaneSection({
  lane,
  noteIds,
  notes,
  doc,
  editor,
  readOnly,
  viewOnly,
  onAdd,
  onMove,
  onDelete,
}: LaneSectionProps) {
  const t = useT();
  const headingId = `lane-heading-${lane.id}`;
  const title = laneTitle(t, lane.id);
  return (
    <section className="lane-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="lane-section__title">
        {title}
      </h2>
      <p className="lane-section__prompt">{lanePrompt(t, lane.id)}</p>
      <p className="lane-section__count">{t.t('laneList.count', { count: noteIds.length })}</p>
      {noteIds.length > 0 && (
        <ul className="lane-section__notes">
          {noteIds.map((id) => (
            <NoteItem
              key={id}
              id={id}
              notes={notes}
              doc={doc}
              editor={editor}
              readOnly={readOnly}
              viewOnly={viewOnly}
              onMove={onMove}
              onDelete={onDelete}
            />
          ))}
        </ul>
      )}
      {!viewOnly && (
        <button
          type="button"
          id={laneAddId(lane.id)}
          className="button-primary lane-section__add"
          disabled={readOnly}
          onClick={() => onAdd(lane)}
        >
          {t.t('laneList.add')} <span className="visually-hidden">{t.t('laneList.addTo', { lane: title })}</span>
        </button>
      )}
    </section>
  );
});
