import { NOTE_COLOR_FILL, NOTE_HEIGHT, NOTE_WIDTH, type Note, ROLE_INFO, type Role } from '@costudio/shared';
import Konva from 'konva';
import { memo, useMemo } from 'react';
import { Shape } from 'react-konva';
import { ROLE_ICON_PATH } from '../presence/roleIcons.ts';
import type { NoteMark } from '../whatsNew/useWhatsNew.ts';
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
  draggable: boolean;
  onOpen(id: string): void;
  onDragStart(id: string): void;
  onDragEnd(id: string, node: Konva.Node): void;
  theme?: CanvasTheme;
}

const PADDING = 10;
const FOOTER_HEIGHT = 30;
const CORNER_RADIUS = 4;
const ICON_SIZE = 14;
/** The icons' path data is drawn in a 24 × 24 box. */
const ICON_BOX = 24;

const BODY_STYLE: Omit<TextStyle, 'fontFamily'> = {
  fontSize: 15,
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

const MARK_LABEL: Record<NoteMark, string> = { new: 'New', changed: 'Changed' };
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

/** A laid-out mark label and the width of its tag. */
function layoutMark(mark: NoteMark, fontFamily: string): { label: TextBlock; width: number } {
  const text = MARK_LABEL[mark];
  const width =
    new Konva.Text({ fontSize: MARK_STYLE.fontSize, fontStyle: MARK_STYLE.fontStyle, text, fontFamily }).getTextWidth() +
    MARK_PADDING * 2;
  return { label: layoutTextBlock(text, { ...MARK_STYLE, fontFamily }), width: Math.ceil(width) };
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
function drawMark(canvas: CanvasRenderingContext2D, tag: { label: TextBlock; width: number }, theme: CanvasTheme): void {
  canvas.strokeStyle = theme.noteMark;
  canvas.lineWidth = 2;
  canvas.strokeRect(
    MARK_OUTLINE_INSET,
    MARK_OUTLINE_INSET,
    NOTE_WIDTH - MARK_OUTLINE_INSET * 2,
    NOTE_HEIGHT - MARK_OUTLINE_INSET * 2,
  );
  const x = NOTE_WIDTH - PADDING - tag.width;
  const y = -MARK_HEIGHT / 2;
  canvas.fillStyle = theme.noteMark;
  canvas.beginPath();
  canvas.roundRect(x, y, tag.width, MARK_HEIGHT, MARK_HEIGHT / 2);
  canvas.fill();
  canvas.fillStyle = theme.noteMarkText;
  drawTextBlock(canvas, tag.label, x + MARK_PADDING, y);
}

/** Who wrote the note, by role label and (unless anonymous) name: the icon never stands alone. */
export function authorLine(note: Note): string {
  const role = ROLE_INFO[note.authorRole];
  return note.anonymous || note.author === '' ? role.anonymousName : `${role.label} · ${note.author}`;
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
  draggable,
  onOpen,
  onDragStart,
  onDragEnd,
  theme = CANVAS_THEME,
}: NoteShapeProps) {
  const { fontFamily, noteText, noteMeta } = theme;
  const body = useMemo(() => layoutTextBlock(note.text, { ...BODY_STYLE, fontFamily }), [note.text, fontFamily]);
  const author = authorLine(note);
  const byline = useMemo(() => layoutTextBlock(author, { ...AUTHOR_STYLE, fontFamily }), [author, fontFamily]);
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
      perfectDrawEnabled={false}
      sceneFunc={drawContent}
      hitFunc={(context, shape) => {
        context.beginPath();
        context.rect(0, 0, NOTE_WIDTH, NOTE_HEIGHT);
        context.closePath();
        context.fillStrokeShape(shape);
      }}
      draggable={draggable}
      onClick={() => onOpen(note.id)}
      onTap={() => onOpen(note.id)}
      onDragStart={() => onDragStart(note.id)}
      onDragEnd={(event) => onDragEnd(note.id, event.currentTarget)}
    />
  );
});
