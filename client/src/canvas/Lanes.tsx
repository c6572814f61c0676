import { LANE_HEADER_HEIGHT, LANE_WIDTH, LANES, type Lane, type LaneId, laneLeft, lanePrompt, laneTitle } from '@costudio/shared';
import { memo, useMemo } from 'react';
import { Group, Rect, Shape } from 'react-konva';
import { useT } from '../i18n/useT.ts';
import { drawTextBlock, layoutTextBlock, type TextStyle } from './textBlock.ts';
import { CANVAS_THEME, type CanvasTheme } from './theme.ts';

interface LanesProps {
  height: number;
  focusedLane: LaneId | null;
  theme?: CanvasTheme;
}

const TEXT_LEFT = 16;
const TEXT_WIDTH = LANE_WIDTH - TEXT_LEFT * 2;
const TITLE_TOP = 14;
const PROMPT_TOP = 48;
const TITLE_STYLE: Omit<TextStyle, 'fontFamily'> = {
  fontSize: 24,
  fontStyle: 'bold',
  lineHeight: 1,
  width: TEXT_WIDTH,
  wrap: 'word',
};
const PROMPT_STYLE: Omit<TextStyle, 'fontFamily'> = {
  fontSize: 15,
  lineHeight: 1.25,
  width: TEXT_WIDTH,
  height: LANE_HEADER_HEIGHT - PROMPT_TOP - 4,
  wrap: 'word',
};

/** A lane's title and prompt, laid out once and drawn by one shape. */
function LaneHeading({ lane, theme }: { lane: Lane; theme: CanvasTheme }) {
  const t = useT();
  const titleText = laneTitle(t, lane.id);
  const promptText = lanePrompt(t, lane.id);
  const { fontFamily } = theme;
  const title = useMemo(() => layoutTextBlock(titleText, { ...TITLE_STYLE, fontFamily }), [titleText, fontFamily]);
  const prompt = useMemo(() => layoutTextBlock(promptText, { ...PROMPT_STYLE, fontFamily }), [promptText, fontFamily]);
  return (
    <Shape
      listening={false}
      sceneFunc={(context) => {
        const canvas = context._context;
        canvas.fillStyle = theme.laneTitle;
        drawTextBlock(canvas, title, TEXT_LEFT, TITLE_TOP);
        canvas.fillStyle = theme.lanePrompt;
        drawTextBlock(canvas, prompt, TEXT_LEFT, PROMPT_TOP);
      }}
    />
  );
}

/**
 * The six lanes as columns, each headed by its title and plain-language prompt. They never take
 * pointer events (nothing in the hit canvas): the stage finds the lane under a pointer by
 * geometry, which also works while the camera is moving.
 */
export const Lanes = memo(function Lanes({ height, focusedLane, theme = CANVAS_THEME }: LanesProps) {
  return (
    <Group listening={false}>
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
            <LaneHeading lane={lane} theme={theme} />
          </Group>
        );
      })}
    </Group>
  );
});
