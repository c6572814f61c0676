import { NOTE_WIDTH } from '@costudio/shared';
import { drawTextBlock, layoutTextBlock, type TextBlock, textWidth } from './textBlock.ts';
import type { CanvasTheme } from './theme.ts';

/** In board units: bold, at the starting zoom (0.95) about 12.5 CSS px, as the "New" mark. */
const FONT_SIZE = 13;
const HEIGHT = 20;
const PADDING_X = 7;
const RIGHT_INSET = 8;
const MAX_WIDTH = NOTE_WIDTH - RIGHT_INSET * 2;
/**
 * The tag's top, inside the note just above its footer (the byline, and the dot targets of an
 * open vote), given the footer's top: clear of both and of the keyboard focus ring drawn
 * around the note's edge.
 */
export function traceTagTop(footerTop: number): number {
  return footerTop - HEIGHT - 2;
}

/** A note's status and counts, laid out once, drawn on every frame. */
export interface TraceTag {
  label: TextBlock;
  width: number;
}

function measure(text: string, fontFamily: string): number {
  return textWidth(text, { fontSize: FONT_SIZE, fontStyle: 'bold', fontFamily }) + PADDING_X * 2;
}

/** Tags by their words: a board has few different ones, and measuring text is the cost. */
const laidOut = new Map<string, TraceTag>();
const MAX_CACHED = 500;

/**
 * "Answered · 2 replies · 1 link" on a pill; when that is wider than the note, the status and
 * the number of replies and links together ("Decided · 5").
 */
export function layoutTraceTag(full: string, short: string, fontFamily: string): TraceTag {
  const key = `${fontFamily}\n${full}\n${short}`;
  const known = laidOut.get(key);
  if (known) return known;
  const tag = layout(full, short, fontFamily);
  if (laidOut.size >= MAX_CACHED) laidOut.clear();
  laidOut.set(key, tag);
  return tag;
}

function layout(full: string, short: string, fontFamily: string): TraceTag {
  let text = full;
  let width = measure(full, fontFamily);
  if (width > MAX_WIDTH) {
    text = short;
    width = measure(short, fontFamily);
  }
  const label = layoutTextBlock(text, {
    fontSize: FONT_SIZE,
    fontStyle: 'bold',
    fontFamily,
    lineHeight: HEIGHT / FONT_SIZE,
    width: MAX_WIDTH,
    wrap: 'none',
  });
  return { label, width: Math.ceil(width) };
}

/** The tag above the footer, right-aligned: dark words on white, outlined, never colour alone. */
export function drawTraceTag(canvas: CanvasRenderingContext2D, tag: TraceTag, y: number, theme: CanvasTheme): void {
  const x = NOTE_WIDTH - RIGHT_INSET - tag.width;
  canvas.fillStyle = '#ffffff';
  canvas.strokeStyle = theme.noteMeta;
  canvas.lineWidth = 1;
  canvas.beginPath();
  canvas.roundRect(x, y, tag.width, HEIGHT, HEIGHT / 2);
  canvas.fill();
  canvas.stroke();
  canvas.fillStyle = theme.noteText;
  drawTextBlock(canvas, tag.label, x + PADDING_X, y);
}
