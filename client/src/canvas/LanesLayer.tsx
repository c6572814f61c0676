import { LANE_HEADER_HEIGHT, LANE_WIDTH, LANES, type LaneId, laneLeft } from '@costudio/shared';
import { memo } from 'react';
import { Group, Layer, Rect, Text } from 'react-konva';
import { CANVAS_THEME, type CanvasTheme } from './theme.ts';

interface LanesLayerProps {
  height: number;
  focusedLane: LaneId | null;
  theme?: CanvasTheme;
}

/**
 * The six lanes as columns, each headed by its title and plain-language prompt. The layer
 * never takes pointer events (no hit canvas to redraw): the stage finds the lane under a
 * pointer by geometry, which also works while the camera is moving.
 */
export const LanesLayer = memo(function LanesLayer({ height, focusedLane, theme = CANVAS_THEME }: LanesLayerProps) {
  return (
    <Layer listening={false}>
      {LANES.map((lane) => {
        const focused = lane.id === focusedLane;
        return (
          <Group key={lane.id} x={laneLeft(lane.id)}>
            <Rect
              width={LANE_WIDTH}
              height={height}
              fill={theme.laneFill}
              stroke={focused ? theme.laneFocusStroke : theme.laneStroke}
              strokeWidth={focused ? 3 : 1}
              cornerRadius={6}
            />
            <Rect width={LANE_WIDTH} height={LANE_HEADER_HEIGHT} fill={theme.laneHeaderFill} cornerRadius={[6, 6, 0, 0]} />
            <Text
              x={16}
              y={14}
              width={LANE_WIDTH - 32}
              text={lane.title}
              fontSize={24}
              fontStyle="bold"
              fontFamily={theme.fontFamily}
              fill={theme.laneTitle}
              listening={false}
            />
            <Text
              x={16}
              y={48}
              width={LANE_WIDTH - 32}
              height={LANE_HEADER_HEIGHT - 52}
              text={lane.prompt}
              fontSize={15}
              lineHeight={1.25}
              fontFamily={theme.fontFamily}
              fill={theme.lanePrompt}
              ellipsis
              listening={false}
            />
          </Group>
        );
      })}
    </Layer>
  );
});
