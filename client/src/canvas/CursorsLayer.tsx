import { roleWord } from '@costudio/shared';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import type { Peer } from '../presence/presenceState.ts';
import { ROLE_ICON_PATH } from '../presence/roleIcons.ts';
import type { CameraController } from './CameraController.ts';
import { type Rect as BoardRect, visibleRect } from './camera.ts';
import { LABEL_HEIGHT, placeLabel } from './cursorLabel.ts';
import { Group, Layer, Path, Rect, Text } from './reactKonva.ts';
import type { SpatialIndex } from './SpatialIndex.ts';
import { textWidth } from './textBlock.ts';
import { CANVAS_THEME } from './theme.ts';

const POINTER_PATH = 'M0 0L0 18L5 13L9 21L12 20L8 12L15 12Z';
const FONT_SIZE = 13;
/** How see-through a label is drawn where it cannot help covering a note or a lane's title. */
const FADED_OPACITY = 0.3;

/**
 * Other people's pointers, with their name and role (icon and words). Drawn at a constant
 * screen size whatever the zoom, so they stay readable on a zoomed-out board; a label goes
 * where it covers no note's words and no lane's title (cursorLabel.ts).
 */
export function CursorsLayer({
  peers,
  camera,
  notes,
  headerTop = 0,
  labels = true,
}: {
  peers: Peer[];
  camera: CameraController;
  /** Where the notes are, so a label is not put over one. */
  notes: SpatialIndex;
  /** Top of the lanes' header band in board units (the projector draws a taller one, upwards). */
  headerTop?: number;
  /** False on the room's screen: pointers only, no names over what the room is reading. */
  labels?: boolean;
}) {
  const t = useT();
  const [scale, setScale] = useState(() => camera.get().scale);
  useEffect(() => camera.subscribe((next) => setScale(next.scale)), [camera]);
  const size = 1 / scale;
  // A label may not cover a note, nor be cut off by the edge of the view.
  const view = visibleRect(camera.get(), camera.getViewport());
  const blocked = (rect: BoardRect) =>
    notes.query(rect).length > 0 ||
    rect.x < view.x ||
    rect.y < view.y ||
    rect.x + rect.width > view.x + view.width ||
    rect.y + rect.height > view.y + view.height;
  // No layer at all when there is nothing to show: every layer is a canvas repainted each frame.
  if (!peers.some((peer) => peer.cursor)) return null;
  return (
    <Layer listening={false}>
      {peers.map((peer) => {
        if (!peer.cursor) return null;
        const label = t.t('canvas.cursor', { name: peer.name, role: roleWord(t, peer.role, 'label') });
        const width = textWidth(label, { fontSize: FONT_SIZE, fontFamily: CANVAS_THEME.fontFamily }) + 34;
        const place = labels ? placeLabel(peer.cursor, scale, headerTop, width, blocked) : null;
        return (
          <Group key={peer.clientId} x={peer.cursor.x} y={peer.cursor.y} scaleX={size} scaleY={size}>
            <Path data={POINTER_PATH} fill={peer.color} stroke="#ffffff" strokeWidth={1.5} />
            <Group x={place?.x ?? 0} y={place?.y ?? 0} opacity={place?.faded ? FADED_OPACITY : 1} visible={place !== null}>
              <Rect width={width} height={LABEL_HEIGHT} fill={peer.color} cornerRadius={4} />
              <Path x={7} y={5} scaleX={14 / 24} scaleY={14 / 24} data={ROLE_ICON_PATH[peer.role]} fill="#ffffff" />
              <Text x={26} y={6} text={label} fontSize={FONT_SIZE} fontFamily={CANVAS_THEME.fontFamily} fill="#ffffff" />
            </Group>
          </Group>
        );
      })}
    </Layer>
  );
}
