import { NOTE_COLOR_FILL, NOTE_HEIGHT, NOTE_WIDTH, type Note, type Role, roleWord, type Translator } from '@costudio/shared';
import Konva from 'konva';
import { memo, useMemo } from 'react';
import { Shape } from 'react-konva';
import { currentTranslator } from '../i18n/localeChoice.ts';
import { useT } from '../i18n/useT.ts';
import { ROLE_ICON_PATH } from '../presence/roleIcons.ts';
import type { NoteMark } from '../whatsNew/useWhatsNew.ts';
import { DOT_TARGET, dotTargetAt, type NoteRect, TAKE_BACK_TARGET } from './canvasDots.ts';
import { drawTextBlock, layoutTextBlock, type TextBlock, type TextStyle } from './textBlock.ts';
import { CANVAS_THEME, type CanvasTheme } from './theme.ts';

interface NoteShapeProps {
  note: Note;
  selected: boolean;
  /** True while this person types in the note: the text field overlay shows the text. */
  editing: boolean;
  /** Cursor colour of someone else editing this note, to show it is busy. */
  otherEditorColor: string | null;
  /** "New" or "Changed" since this device's last visit (issue 6), or null. */
  mark: NoteMark | null;
  /** This person's dots on the note while it is in an open vote's scope, else null (issue 5). */
  myDots: number | null;
  /** All dots on it; null when not voting or while totals are hidden. */
  totalDots: number | null;
  /** Given when this person can place a dot here: the note then shows a "+ dot" target. */
  onPlaceDot: ((id: string) => void) | null;
  /** Given when this person has a dot here to take back: the note then shows a "− dot" target. */
  onTakeBackDot: ((id: string) => void) | null;
  draggable: boolean;
  onOpen(id: string): void;
  onDragStart(id: string): void;
  onDragEnd(id: string, node: Konva.Node): void;
  theme?: CanvasTheme;
  /** Body text size in board units. */
  fontSize?: number;
}

/** Note body text, in board units: at the starting zoom (0.95 or more) at least 14 CSS px. */
export const NOTE_FONT_SIZE = 15;

const PADDING = 10;
const FOOTER_HEIGHT = 30;
const CORNER_RADIUS = 4;
const ICON_SIZE = 14;
/** The icons' path data is drawn in a 24 × 24 box. */
const ICON_BOX = 24;

const BODY_STYLE: Omit<TextStyle, 'fontFamily'> = {
  fontSize: NOTE_FONT_SIZE,
  lineHeight: 1.25,
  width: NOTE_WIDTH - PADDING * 2,
  height: NOTE_HEIGHT - PADDING - FOOTER_HEIGHT,
  wrap: 'word',
};
const AUTHOR_STYLE: Omit<TextStyle, 'fontFamily'> = {
  fontSize: 12,
  lineHeight: 1,
  width: NOTE_WIDTH - PADDING * 2 - 20,
  wrap: 'none',
};

const MARK_HEIGHT = 18;
const MARK_PADDING = 6;
const MARK_STYLE: Omit<TextStyle, 'fontFamily'> = {
  fontSize: 12,
  fontStyle: 'bold',
  lineHeight: MARK_HEIGHT / 12,
  width: NOTE_WIDTH,
  wrap: 'none',
};
/** Inset of the mark's outline, inside the note's own (selection) stroke. */
const MARK_OUTLINE_INSET = 3;

interface Tag {
  label: TextBlock;
  width: number;
  height: number;
}

/** A laid-out mark label and the width of its tag. */
function layoutMark(mark: NoteMark, fontFamily: string): Tag {
  return layoutTag(currentTranslator().t(`note.mark.${mark}`), fontFamily);
}

/** A short bold label in a pill of the given height. */
function layoutTag(text: string, fontFamily: string, height = MARK_HEIGHT): Tag {
  const style = { ...MARK_STYLE, lineHeight: height / MARK_STYLE.fontSize, fontFamily };
  const width =
    new Konva.Text({ fontSize: MARK_STYLE.fontSize, fontStyle: MARK_STYLE.fontStyle, text, fontFamily }).getTextWidth() +
    MARK_PADDING * 2;
  return { label: layoutTextBlock(text, style), width: Math.ceil(width), height };
}

const DOT_TARGET_LABEL = '+ dot';
const TAKE_BACK_LABEL = '− dot';
/** The byline stops short of the targets while a vote is open. */
const VOTING_AUTHOR_WIDTH = TAKE_BACK_TARGET.x - PADDING - 20 - 4;
/** While a vote is open the text stops above the dot targets. */
const VOTING_BODY_HEIGHT = DOT_TARGET.y - PADDING - 2;

/** "Yours: 2 · All: 5" (or without the total while it is hidden), on a tag on the top edge. */
function dotsLine(mine: number, total: number | null): string {
  return total === null ? `Yours: ${mine}` : `Yours: ${mine} · All: ${total}`;
}

const iconPaths = new Map<Role, Path2D>();
function roleIcon(role: Role): Path2D {
  let path = iconPaths.get(role);
  if (!path) {
    path = new Path2D(ROLE_ICON_PATH[role]);
    iconPaths.set(role, path);
  }
  return path;
}

/**
 * The "since your last visit" mark: an outline inside the note's edge and a labelled tag on its
 * top edge, right-aligned. The word carries the meaning; the colour only draws the eye.
 */
function drawMark(canvas: CanvasRenderingContext2D, tag: Tag, theme: CanvasTheme): void {
  canvas.strokeStyle = theme.noteMark;
  canvas.lineWidth = 2;
  canvas.strokeRect(
    MARK_OUTLINE_INSET,
    MARK_OUTLINE_INSET,
    NOTE_WIDTH - MARK_OUTLINE_INSET * 2,
    NOTE_HEIGHT - MARK_OUTLINE_INSET * 2,
  );
  drawTag(canvas, tag, NOTE_WIDTH - PADDING - tag.width, -MARK_HEIGHT / 2, theme.noteMark, theme.noteMarkText);
}

/** A pill with its label, top-left corner at (x, y). */
function drawTag(canvas: CanvasRenderingContext2D, tag: Tag, x: number, y: number, fill: string, text: string): void {
  canvas.fillStyle = fill;
  canvas.beginPath();
  canvas.roundRect(x, y, tag.width, tag.height, tag.height / 2);
  canvas.fill();
  canvas.fillStyle = text;
  drawTextBlock(canvas, tag.label, x + MARK_PADDING, y);
}

/** A dot target: a filled, button-like box with its label centred. */
function drawDotTarget(canvas: CanvasRenderingContext2D, target: NoteRect, label: Tag, theme: CanvasTheme): void {
  const { x, y, width, height } = target;
  canvas.fillStyle = theme.noteDotsFill;
  canvas.beginPath();
  canvas.roundRect(x, y, width, height, 4);
  canvas.fill();
  canvas.fillStyle = theme.noteDotsText;
  drawTextBlock(canvas, label.label, x + (width - label.width) / 2 + MARK_PADDING, y);
}

/** Who wrote the note, by role label and (unless anonymous) name: the icon never stands alone. */
export function authorLine(note: Note, t: Translator): string {
  return note.anonymous || note.author === ''
    ? roleWord(t, note.authorRole, 'anonymousName')
    : t.t('canvas.authorLine', { role: roleWord(t, note.authorRole, 'label'), name: note.author });
}

/**
 * One sticky note at full detail: fill colour, text, author role icon and label. One Konva
 * shape per note, whose text is laid out when the note changes rather than on every draw, so
 * a pan or zoom costs a few canvas calls per note.
 */
export const NoteShape = memo(function NoteShape({
  note,
  selected,
  editing,
  otherEditorColor,
  mark,
  myDots,
  totalDots,
  onPlaceDot,
  onTakeBackDot,
  draggable,
  onOpen,
  onDragStart,
  onDragEnd,
  theme = CANVAS_THEME,
  fontSize = NOTE_FONT_SIZE,
}: NoteShapeProps) {
  const { fontFamily, noteText, noteMeta } = theme;
  const t = useT();
  const author = authorLine(note, t);
  const voting = myDots !== null;
  const body = useMemo(
    () =>
      layoutTextBlock(note.text, {
        ...BODY_STYLE,
        fontSize,
        fontFamily,
        height: voting ? Math.min(BODY_STYLE.height ?? VOTING_BODY_HEIGHT, VOTING_BODY_HEIGHT) : BODY_STYLE.height,
      }),
    [note.text, fontSize, fontFamily, voting],
  );
  const byline = useMemo(
    () => layoutTextBlock(author, { ...AUTHOR_STYLE, fontFamily, width: voting ? VOTING_AUTHOR_WIDTH : AUTHOR_STYLE.width }),
    [author, fontFamily, voting],
  );
  const dotsText = myDots === null ? null : dotsLine(myDots, totalDots);
  const dotsTag = useMemo(() => (dotsText === null ? null : layoutTag(dotsText, fontFamily)), [dotsText, fontFamily]);
  const targetLabel = useMemo(
    () => (onPlaceDot ? layoutTag(DOT_TARGET_LABEL, fontFamily, DOT_TARGET.height) : null),
    [onPlaceDot, fontFamily],
  );
  const takeBackLabel = useMemo(
    () => (onTakeBackDot ? layoutTag(TAKE_BACK_LABEL, fontFamily, TAKE_BACK_TARGET.height) : null),
    [onTakeBackDot, fontFamily],
  );
  const role = note.authorRole;
  const markTag = useMemo(() => (mark ? layoutMark(mark, fontFamily) : null), [mark, fontFamily]);

  const drawContent = (context: Konva.Context, shape: Konva.Shape) => {
    context.beginPath();
    Konva.Util.drawRoundedRectPath(context, NOTE_WIDTH, NOTE_HEIGHT, CORNER_RADIUS);
    context.closePath();
    context.fillStrokeShape(shape);
    const canvas = context._context;
    if (!editing) {
      canvas.fillStyle = noteText;
      drawTextBlock(canvas, body, PADDING, PADDING);
    }
    canvas.fillStyle = noteMeta;
    drawTextBlock(canvas, byline, PADDING + 20, NOTE_HEIGHT - FOOTER_HEIGHT + 9);
    canvas.save();
    canvas.translate(PADDING, NOTE_HEIGHT - FOOTER_HEIGHT + 8);
    canvas.scale(ICON_SIZE / ICON_BOX, ICON_SIZE / ICON_BOX);
    canvas.fill(roleIcon(role));
    canvas.restore();
    if (markTag) drawMark(canvas, markTag, theme);
    if (dotsTag) drawTag(canvas, dotsTag, PADDING, -MARK_HEIGHT / 2, theme.noteDotsFill, theme.noteDotsText);
    if (targetLabel) drawDotTarget(canvas, DOT_TARGET, targetLabel, theme);
    if (takeBackLabel) drawDotTarget(canvas, TAKE_BACK_TARGET, takeBackLabel, theme);
  };

  const open = (event: Konva.KonvaEventObject<Event>) => {
    const point = event.currentTarget.getRelativePointerPosition();
    // A finger gets a larger hit area than the drawn box (canvasDots.ts).
    const native = event.evt as Partial<PointerEvent>;
    const touch = event.type === 'tap' || (native.pointerType !== undefined && native.pointerType !== 'mouse');
    const hit = dotTargetAt(point, touch, { place: onPlaceDot !== null, takeBack: onTakeBackDot !== null });
    if (hit === 'place') onPlaceDot?.(note.id);
    else if (hit === 'takeBack') onTakeBackDot?.(note.id);
    else onOpen(note.id);
  };

  return (
    <Shape
      x={note.x}
      y={note.y}
      width={NOTE_WIDTH}
      height={NOTE_HEIGHT}
      name="note"
      id={`note-${note.id}`}
      fill={NOTE_COLOR_FILL[note.color]}
      stroke={selected ? theme.noteSelectedStroke : (otherEditorColor ?? theme.noteStroke)}
      strokeWidth={selected || otherEditorColor ? 3 : 1}
      mark={mark}
      dots={dotsText}
      perfectDrawEnabled={false}
      sceneFunc={drawContent}
      hitFunc={(context, shape) => {
        context.beginPath();
        context.rect(0, 0, NOTE_WIDTH, NOTE_HEIGHT);
        context.closePath();
        context.fillStrokeShape(shape);
      }}
      draggable={draggable}
      onClick={open}
      onTap={open}
      onDragStart={() => onDragStart(note.id)}
      onDragEnd={(event) => onDragEnd(note.id, event.currentTarget)}
    />
  );
});
