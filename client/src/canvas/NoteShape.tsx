import { NOTE_COLOR_FILL, NOTE_HEIGHT, NOTE_WIDTH, type Note, type Role, roleWord, type Translator } from '@costudio/shared';
import type KonvaTypes from 'konva';
import { memo, useMemo } from 'react';
import { currentTranslator } from '../i18n/localeChoice.ts';
import { useT } from '../i18n/useT.ts';
import { ROLE_ICON_PATH } from '../presence/roleIcons.ts';
import type { NoteMark } from '../whatsNew/useWhatsNew.ts';
import { DOT_TARGET, dotTargetAt, type NoteRect, TAKE_BACK_TARGET } from './canvasDots.ts';
import Konva from './konva.ts';
import { drawTraceTag, layoutTraceTag, traceTagTop } from './noteTraceTag.ts';
import { Shape } from './reactKonva.ts';
import { drawTextBlock, layoutTextBlock, type TextBlock, type TextStyle, textWidth } from './textBlock.ts';
import { CANVAS_THEME, type CanvasTheme } from './theme.ts';
import type { NoteTraceLabel } from './useNoteTraceLabels.ts';

interface NoteShapeProps {
  note: Note;
  selected: boolean;
  /** True while this person types in the note: the text field overlay shows the text. */
  editing: boolean;
  /** Cursor colour of someone else editing this note, to show it is busy. */
  otherEditorColor: string | null;
  /** "New" or "Changed" since this device's last visit (issue 6), or null. */
  mark: NoteMark | null;
  /** Whether the note is in an open vote's scope (issue 5). */
  inVote: boolean;
  /** This person's dots on the note while it is in the vote; null too for someone who cannot vote. */
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
  onDragEnd(id: string, node: KonvaTypes.Node): void;
  theme?: CanvasTheme;
  /** Body text size in board units. */
  fontSize?: number;
  /** Byline text size in board units; the projector's is larger, and then the byline is icon and name. */
  bylineFontSize?: number;
  /** Its status and counts of replies and links (issue 16), or null where there is no trace. */
  trace?: NoteTraceLabel | null;
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
/** Byline text, in board units. */
export const BYLINE_FONT_SIZE = 12;
const AUTHOR_STYLE: Omit<TextStyle, 'fontFamily'> = {
  fontSize: BYLINE_FONT_SIZE,
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

interface FooterLayout {
  /** Top of the footer: the byline row, and below it the dot targets while they are shown. */
  top: number;
  bylineTop: number;
  bodyHeight: number;
  iconSize: number;
}

/**
 * Where the footer and its byline row sit and how tall the body may be, by whether dot targets
 * are shown and whether a status tag (issue 16) sits above the footer.
 */
function footerLayout(targets: boolean, bylineFontSize: number, traced: boolean): FooterLayout {
  const iconSize = Math.max(ICON_SIZE, bylineFontSize);
  const footerHeight = Math.max(FOOTER_HEIGHT, bylineFontSize + 16);
  const top = targets ? VOTING_BYLINE_TOP - 2 : NOTE_HEIGHT - footerHeight;
  const bylineTop = targets ? VOTING_BYLINE_TOP : top + 8;
  const bodyHeight = traced ? traceTagTop(top) - PADDING - 2 : top - PADDING;
  return { top, bylineTop, bodyHeight, iconSize };
}

/** A laid-out mark label and the width of its tag. */
function layoutMark(mark: NoteMark, fontFamily: string): Tag {
  return layoutTag(currentTranslator().t(`note.mark.${mark}`), fontFamily);
}

/** A short bold label in a pill of the given height. */
function layoutTag(text: string, fontFamily: string, height = MARK_HEIGHT): Tag {
  const style = { ...MARK_STYLE, lineHeight: height / MARK_STYLE.fontSize, fontFamily };
  const width = textWidth(text, style) + MARK_PADDING * 2;
  return { label: layoutTextBlock(text, style), width: Math.ceil(width), height };
}

/**
 * While "+ dot" or "− dot" is shown, the byline moves up into a row of its own above them, full
 * width, so the name stays readable ("Lay…" beside the targets was not), and the text above it.
 */
const VOTING_BYLINE_TOP = DOT_TARGET.y - 4 - 14;

/**
 * "Yours: 2 · All: 5" (or without the total while it is hidden), on a tag on the top edge; for
 * someone who cannot vote (a view-only link), only the total: "Dots: 5".
 */
function dotsLine(mine: number | null, total: number | null, t: Translator): string | null {
  if (mine === null) return total === null ? null : t.t('canvas.dots.total', { total });
  return total === null ? t.t('canvas.dots.mine', { mine }) : t.t('canvas.dots.both', { mine, total });
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
 * The byline in large print (the projector), where "Lay participant · Lee" would not fit a note:
 * the name, or "Anonymous", beside the role icon.
 */
function shortAuthorLine(note: Note, t: Translator): string {
  return note.anonymous || note.author === '' ? t.t('canvas.anonymous') : note.author;
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
  inVote,
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
  bylineFontSize = BYLINE_FONT_SIZE,
  trace = null,
}: NoteShapeProps) {
  const { fontFamily, noteText, noteMeta } = theme;
  const t = useT();
  const large = bylineFontSize > BYLINE_FONT_SIZE;
  const author = large ? shortAuthorLine(note, t) : authorLine(note, t);
  const targets = inVote && (onPlaceDot !== null || onTakeBackDot !== null);
  const footer = footerLayout(targets, bylineFontSize, trace !== null);
  // The text stops above the footer and above the status tag (issue 16).
  const body = useMemo(
    () => layoutTextBlock(note.text, { ...BODY_STYLE, fontSize, fontFamily, height: footer.bodyHeight }),
    [note.text, fontSize, fontFamily, footer.bodyHeight],
  );
  const byline = useMemo(
    () =>
      layoutTextBlock(author, {
        ...AUTHOR_STYLE,
        fontSize: bylineFontSize,
        width: NOTE_WIDTH - PADDING * 2 - footer.iconSize - 6,
        fontFamily,
      }),
    [author, fontFamily, bylineFontSize, footer.iconSize],
  );
  const dotsText = inVote ? dotsLine(myDots, totalDots, t) : null;
  const dotsTag = useMemo(() => (dotsText === null ? null : layoutTag(dotsText, fontFamily)), [dotsText, fontFamily]);
  const targetLabel = useMemo(
    () => (onPlaceDot ? layoutTag(t.t('canvas.dot.place'), fontFamily, DOT_TARGET.height) : null),
    [onPlaceDot, fontFamily, t],
  );
  const takeBackLabel = useMemo(
    () => (onTakeBackDot ? layoutTag(t.t('canvas.dot.takeBack'), fontFamily, TAKE_BACK_TARGET.height) : null),
    [onTakeBackDot, fontFamily, t],
  );
  const role = note.authorRole;
  const markTag = useMemo(() => (mark ? layoutMark(mark, fontFamily) : null), [mark, fontFamily]);
  const traceFull = trace?.full ?? null;
  const traceShort = trace?.short ?? '';
  const traceTag = useMemo(
    () => (traceFull === null ? null : layoutTraceTag(traceFull, traceShort, fontFamily)),
    [traceFull, traceShort, fontFamily],
  );

  const drawContent = (context: KonvaTypes.Context, shape: KonvaTypes.Shape) => {
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
    drawTextBlock(canvas, byline, PADDING + footer.iconSize + 6, footer.bylineTop + 1);
    canvas.save();
    canvas.translate(PADDING, footer.bylineTop);
    canvas.scale(footer.iconSize / ICON_BOX, footer.iconSize / ICON_BOX);
    canvas.fill(roleIcon(role));
    canvas.restore();
    if (markTag) drawMark(canvas, markTag, theme);
    if (dotsTag) drawTag(canvas, dotsTag, PADDING, -MARK_HEIGHT / 2, theme.noteDotsFill, theme.noteDotsText);
    if (targetLabel) drawDotTarget(canvas, DOT_TARGET, targetLabel, theme);
    if (takeBackLabel) drawDotTarget(canvas, TAKE_BACK_TARGET, takeBackLabel, theme);
    if (traceTag) drawTraceTag(canvas, traceTag, traceTagTop(footer.top), theme);
  };

  const open = (event: KonvaTypes.KonvaEventObject<Event>) => {
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
      byline={byline.lines.join(' ')}
      trace={traceFull}
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
