import { LANE_HEADER_HEIGHT, type LaneId } from '@costudio/shared';
import type Konva from 'konva';
import { type Dispatch, type SetStateAction, useCallback } from 'react';
import type { BoardEditor } from '../doc/BoardEditor.ts';
import type { NotesStore } from '../doc/NotesStore.ts';
import { dropPlacement } from './boardGeometry.ts';

/** Dragging a note: its editor closes, and the drop snaps into a lane or, if refused, goes back. */
export function useNoteDrag(
  editor: BoardEditor,
  notes: NotesStore,
  setEditingId: Dispatch<SetStateAction<string | null>>,
  setFocusedLane: (lane: LaneId) => void,
) {
  const onDragStart = useCallback((id: string) => setEditingId((current) => (current === id ? null : current)), [setEditingId]);
  const onDragEnd = useCallback(
    (id: string, node: Konva.Node) => {
      const placement = dropPlacement(node.x(), node.y(), LANE_HEADER_HEIGHT);
      // Set the node explicitly: if the doc ends up unchanged, React would not move it back.
      node.position({ x: placement.x, y: placement.y });
      if (!editor.moveNote(id, placement)) {
        // Refused (a locked lane): the note goes back where it was; the lock notice says why.
        const note = notes.getSnapshot().byId.get(id);
        if (note) node.position({ x: note.x, y: note.y });
        return;
      }
      setFocusedLane(placement.lane);
    },
    [editor, notes, setFocusedLane],
  );
  return { onDragStart, onDragEnd };
}
