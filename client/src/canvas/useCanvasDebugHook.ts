import { NOTE_HEIGHT, NOTE_WIDTH } from '@costudio/shared';
import type Konva from 'konva';
import { type RefObject, useEffect } from 'react';
import { setDebugHook } from '../debug/debugHook.ts';
import type { NotesStore } from '../doc/NotesStore.ts';
import type { CameraController } from './CameraController.ts';

/** What tests read of the drawn canvas through the debug hook (debug/debugHook.ts). */
export function useCanvasDebugHook(
  camera: CameraController,
  containerRef: RefObject<HTMLDivElement | null>,
  stageRef: RefObject<Konva.Stage | null>,
  notes: NotesStore,
  /** Text sizes in board units: note body, byline and lane prompt. */
  sizes: { noteFontSize: number; bylineFontSize: number; promptFontSize: number },
): void {
  const { noteFontSize, bylineFontSize, promptFontSize } = sizes;
  useEffect(
    () =>
      setDebugHook({
        camera,
        noteFontSize,
        bylineFontSize,
        promptFontSize,
        noteScreenRect(id) {
          const container = containerRef.current;
          if (!container) return null;
          const box = container.getBoundingClientRect();
          // Prefer the node actually drawn (it may be mid-drag); fall back to the doc's position.
          const node = stageRef.current?.findOne(`#note-${id}`);
          if (node) {
            const rect = node.getClientRect({ skipStroke: true });
            return { x: box.left + rect.x, y: box.top + rect.y, width: rect.width, height: rect.height };
          }
          const note = notes.getSnapshot().byId.get(id);
          if (!note) return null;
          const { x, y, scale } = camera.get();
          return {
            x: box.left + note.x * scale + x,
            y: box.top + note.y * scale + y,
            width: NOTE_WIDTH * scale,
            height: NOTE_HEIGHT * scale,
          };
        },
        drawnNoteIds() {
          return stageRef.current?.find('.note').map((node) => node.id().replace(/^note-/, '')) ?? [];
        },
        markedNoteIds() {
          const drawn = stageRef.current?.find('.note') ?? [];
          return drawn.filter((node) => node.getAttr('mark')).map((node) => node.id().replace(/^note-/, ''));
        },
        noteDots(id) {
          return stageRef.current?.findOne(`#note-${id}`)?.getAttr('dots') ?? null;
        },
        noteByline(id) {
          return stageRef.current?.findOne(`#note-${id}`)?.getAttr('byline') ?? null;
        },
      }),
    [camera, containerRef, stageRef, notes, noteFontSize, bylineFontSize, promptFontSize],
  );
}
