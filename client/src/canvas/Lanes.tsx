import { LANE_HEADER_HEIGHT, LANE_WIDTH, LANES, type Lane, type LaneId, laneLeft, lanePrompt, laneTitle } from '@costudio/shared';
import { memo, useMemo } from 'react';
import { useT } from '../i18n/useT.ts';
import { Group, Rect, Shape } from './reactKonva.ts';
import { drawTextBlock, layoutTextBlock } from './textBlock.ts';
import { CANVAS_THEME, type CanvasTheme } from './theme.ts';

/** The lanes' header band: its top (board units; notes start at LANE_HEADER_HEIGHT) and type sizes. */
export interface LaneHeaderStyle {
  top: number;
  titleSize: number;
  promptSize: number;
}

/** On a laptop or phone: the band above the notes, 24-unit titles and 15-unit prompts. */
export const STANDARD_LANE_HEADER: LaneHeaderStyle = { top: 0, titleSize: 24, promptSize: 15 };

interface LanesProps {
  height: number;
  focusedLane: LaneId | null;
  theme?: CanvasTheme;
  header?: LaneHeaderStyle;
}

const TEXT_LEFT = 16;
const TEXT_WIDTH = LANE_WIDTH - TEXT_LEFT * 2;
const TITLE_TOP = 14;
/** Between the title's line and the prompt's first line. */
const TITLE_GAP = 10;

/** A lane's title and prompt, laid out once and drawn by one shape. */
function LaneHeading({ lane, theme, header }: { lane: Lane; theme: CanvasTheme; header: LaneHeaderStyle }) {
  const t = useT();
  const titleText = laneTitle(t, lane.id);
  const promptText = lanePrompt(t, lane.id);
  const { fontFamily } = theme;
  const titleTop = header.top + TITLE_TOP;
  const promptTop = titleTop + header.titleSize + TITLE_GAP;
  const title = useMemo(
    () =>
      layoutTextBlock(titleText, {
        fontSize: header.titleSize,
        fontStyle: 'bold',
        lineHeight: 1,
        width: TEXT_WIDTH,
        wrap: 'word',
        fontFamily,
      }),
    [titleText, fontFamily, header.titleSize],
  );
  const prompt = useMemo(
    () =>
      layoutTextBlock(promptText, {
        fontSize: header.promptSize,
        lineHeight: 1.25,
        width: TEXT_WIDTH,
        height: LANE_HEADER_HEIGHT - promptTop - 4,
        wrap: 'word',
        fontFamily,
      }),
    [promptText, fontFamily, header.promptSize, promptTop],
  );
  return (
    <Shape
      listening={false}
      sceneFunc={(context) => {
        const canvas = context._context;
        canvas.fillStyle = theme.laneTitle;
        drawTextBlock(canvas, title, TEXT_LEFT, titleTop);
        canvas.fillStyle = theme.lanePrompt;
        drawTextBlock(canvas, prompt, TEXT_LEFT, promptTop);
      }}
    />
  );
}

/**
 * The six lanes as columns, each headed by its title and plain-language prompt. They never take
 * pointer events (nothing in the hit canvas): the stage finds the lane under a pointer by
 * geometry, which also works while the camera is moving.
 */
export const Lanes = memo(function Lanes({
  height,
  focusedLane,
  theme = CANVAS_THEME,
  header = STANDARD_LANE_HEADER,
}: LanesProps) {
  return (
    <Group listening={false}>
      {LANES.map((lane) => {
        const focused = lane.id === focusedLane;
        return (
          <Group key={lane.id} x={laneLeft(lane.id)}>
            <Rect
              y={header.top}
              width={LANE_WIDTH}
              height={height - header.top}
              fill={theme.laneFill}
              stroke={focused ? theme.laneFocusStroke : theme.laneStroke}
              strokeWidth={focused ? 3 : 1}
              cornerRadius={6}
            />
            <Rect
              y={header.top}
              width={LANE_WIDTH}
              height={LANE_HEADER_HEIGHT - header.top}
              fill={theme.laneHeaderFill}
              cornerRadius={[6, 6, 0, 0]}
            />
            <LaneHeading lane={lane} theme={theme} header={header} />
          </Group>
        );
      })}
    </Group>
  );
});
