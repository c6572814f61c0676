import {
  LANE_HEADER_HEIGHT,
  LANE_WIDTH,
  LANES,
  laneLeft,
  laneTitle,
  NOTE_COLOR_FILL,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  type Note,
} from '@costudio/shared';
import { BOARD_WIDTH, laneHeight, lowestNoteBottom } from '../canvas/boardGeometry.ts';
import Konva from '../canvas/konva.ts';
import { currentTranslator } from '../i18n/localeChoice.ts';

const MARGIN = 24;

/**
 * The whole board as a PNG data URL: every lane and every note, whatever part of the board is
 * on screen (the live canvas only draws what is in view). Drawn on a Konva stage of its own.
 */
export function renderBoardPng(notes: readonly Note[], title: string): string {
  const height = laneHeight(lowestNoteBottom(notes)) + MARGIN * 2 + 40;
  const width = BOARD_WIDTH + MARGIN * 2;
  const container = document.createElement('div');
  const stage = new Konva.Stage({ container, width, height });
  try {
    const layer = new Konva.Layer();
    stage.add(layer);
    layer.add(new Konva.Rect({ width, height, fill: '#ffffff' }));
    layer.add(new Konva.Text({ x: MARGIN, y: 10, text: title, fontSize: 22, fontStyle: 'bold', fill: '#1a1a1a' }));
    const top = MARGIN + 24;
    for (const lane of LANES) {
      const x = MARGIN + laneLeft(lane.id);
      layer.add(
        new Konva.Rect({ x, y: top, width: LANE_WIDTH, height: height - top - MARGIN, fill: '#f2f2f0', cornerRadius: 6 }),
      );
      layer.add(
        new Konva.Text({
          x: x + 12,
          y: top + 12,
          text: laneTitle(currentTranslator(), lane.id),
          fontSize: 20,
          fontStyle: 'bold',
          fill: '#1a1a1a',
        }),
      );
    }
    for (const note of notes) {
      const group = new Konva.Group({ x: MARGIN + note.x, y: top + note.y - LANE_HEADER_HEIGHT + 60 });
      group.add(
        new Konva.Rect({
          width: NOTE_WIDTH,
          height: NOTE_HEIGHT,
          fill: NOTE_COLOR_FILL[note.color],
          stroke: '#8a8a80',
          cornerRadius: 4,
        }),
      );
      group.add(
        new Konva.Text({
          x: 10,
          y: 10,
          width: NOTE_WIDTH - 20,
          height: NOTE_HEIGHT - 20,
          text: note.text,
          fontSize: 15,
          fill: '#1a1a1a',
          ellipsis: true,
        }),
      );
      layer.add(group);
    }
    layer.draw();
    return stage.toDataURL({ mimeType: 'image/png', pixelRatio: 1 });
  } finally {
    stage.destroy();
  }
}
