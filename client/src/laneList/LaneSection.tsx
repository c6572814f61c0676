import type { Lane, Note } from '@costudio/shared';
import type * as Y from 'yjs';
import type { BoardEditor } from '../doc/BoardEditor.ts';
import { NoteItem } from './NoteItem.tsx';

interface LaneSectionProps {
  lane: Lane;
  notes: readonly Note[];
  doc: Y.Doc;
  editor: BoardEditor;
  readOnly: boolean;
  onAdd(lane: Lane): void;
  onMove(note: Note): void;
  onDelete(note: Note): void;
}

export const laneAddId = (lane: string) => `lane-add-${lane}`;

/** One lane as a landmark region named by its title, with its prompt as the guide. */
export function LaneSection({ lane, notes, doc, editor, readOnly, onAdd, onMove, onDelete }: LaneSectionProps) {
  const headingId = `lane-heading-${lane.id}`;
  return (
    <section className="lane-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="lane-section__title">
        {lane.title}
      </h2>
      <p className="lane-section__prompt">{lane.prompt}</p>
      <p className="lane-section__count">{notes.length === 1 ? '1 note' : `${notes.length} notes`}</p>
      {notes.length > 0 && (
        <ul className="lane-section__notes">
          {notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              doc={doc}
              editor={editor}
              readOnly={readOnly}
              onMove={onMove}
              onDelete={onDelete}
            />
          ))}
        </ul>
      )}
      <button
        type="button"
        id={laneAddId(lane.id)}
        className="button-primary lane-section__add"
        disabled={readOnly}
        onClick={() => onAdd(lane)}
      >
        Add note <span className="visually-hidden">to {lane.title}</span>
      </button>
    </section>
  );
}
