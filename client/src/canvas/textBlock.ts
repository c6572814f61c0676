import { type MeasureText, wrapText } from './textWrap.ts';

export interface TextStyle {
  fontSize: number;
  fontStyle?: 'normal' | 'bold';
  fontFamily: string;
  /** Multiple of fontSize between baselines. */
  lineHeight: number;
  width: number;
  /** Lines that do not fit in this height are cut, the last kept one ending in "…". */
  height?: number;
  wrap: 'word' | 'none';
}

/** Text already wrapped and measured, ready to be drawn any number of times. */
export interface TextBlock {
  font: string;
  lines: readonly string[];
  /** Distance from the block's top to the first line's alphabetic baseline. */
  firstBaseline: number;
  lineAdvance: number;
}

/** Blocks laid out lately, by text and style: oldest first, so the first is the one to drop. */
const laidOut = new Map<string, TextBlock>();
/** More than the notes, titles and bylines a screen shows at once, at any zoom. */
const MAX_LAID_OUT = 3_000;

/**
 * Wraps and cuts `text` once (textWrap.ts): a note is drawn on every frame of a pan, and
 * measuring text is what costs. The same text in the same style is laid out once: when a big
 * board's document replaces its first view, or a note is drawn again after scrolling back,
 * measuring would otherwise start over (the canvas's fonts are the system's, so a layout never
 * goes stale while a web font loads).
 */
export function layoutTextBlock(text: string, style: TextStyle): TextBlock {
  const key = `${style.fontFamily}|${style.fontStyle ?? ''}|${style.fontSize}|${style.lineHeight}|${style.width}|${style.height ?? ''}|${style.wrap}|${text}`;
  const known = laidOut.get(key);
  if (known) {
    laidOut.delete(key);
    laidOut.set(key, known);
    return known;
  }
  const block = measureTextBlock(text, style);
  laidOut.set(key, block);
  if (laidOut.size > MAX_LAID_OUT) laidOut.delete(laidOut.keys().next().value as string);
  return block;
}

function measureTextBlock(text: string, style: TextStyle): TextBlock {
  const font = fontOf(style);
  const lineAdvance = style.lineHeight * style.fontSize;
  const maxLines = style.height === undefined ? Number.POSITIVE_INFINITY : Math.floor(style.height / lineAdvance + 1e-9);
  return {
    font,
    lines: wrapText(text, { maxWidth: style.width, maxLines, wrap: style.wrap }, measurer(font)),
    // Each line's em box is centred in its line box, as Konva.Text draws it.
    firstBaseline: baselineShift(font) + lineAdvance / 2,
    lineAdvance,
  };
}

/** The CSS font of a style, as the canvas takes it. */
function fontOf(style: Pick<TextStyle, 'fontSize' | 'fontStyle' | 'fontFamily'>): string {
  return `${style.fontStyle ?? 'normal'} normal ${style.fontSize}px ${style.fontFamily}`;
}

/** Width of `text` in a short bold label or any other style: one measurement, no layout. */
export function textWidth(text: string, style: Pick<TextStyle, 'fontSize' | 'fontStyle' | 'fontFamily'>): number {
  return measurer(fontOf(style))(text);
}

let measuring: CanvasRenderingContext2D | null = null;
let measuringFont = '';

/** One offscreen context for every measurement, its font set only when it changes. */
function measuringIn(font: string): CanvasRenderingContext2D {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) throw new Error('This browser cannot draw on a canvas.');
  if (measuringFont !== font) {
    measuring.font = font;
    measuringFont = font;
  }
  return measuring;
}

function measurer(font: string): MeasureText {
  return (text) => measuringIn(font).measureText(text).width;
}

/** Per font: from the middle of its em box to its alphabetic baseline, measured once. */
const baselineShifts = new Map<string, number>();

function baselineShift(font: string): number {
  let shift = baselineShifts.get(font);
  if (shift === undefined) {
    const metrics = measuringIn(font).measureText('M');
    shift = (metrics.fontBoundingBoxAscent - metrics.fontBoundingBoxDescent) / 2;
    baselineShifts.set(font, shift);
  }
  return shift;
}

/** Draws a laid-out block with its top-left corner at (x, y), in the context's current fill style. */
export function drawTextBlock(context: CanvasRenderingContext2D, block: TextBlock, x: number, y: number): void {
  context.font = block.font;
  context.textBaseline = 'alphabetic';
  context.textAlign = 'left';
  block.lines.forEach((line, index) => {
    context.fillText(line, x, y + block.firstBaseline + index * block.lineAdvance);
  });
}
