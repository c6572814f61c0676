import Konva from './konva.ts';

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
 * Wraps and cuts `text` exactly as a Konva.Text with these attributes would, once: Konva.Text
 * re-measures its font on every draw, which made note text the main cost of a pan. The same
 * text in the same style is laid out once: when a big board's document replaces its first view,
 * or a note is drawn again after scrolling back, measuring would otherwise start over (the
 * canvas's fonts are the system's, so a layout never goes stale while a web font loads).
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
  const engine = new Konva.Text({ ...style, text, ellipsis: true });
  const metrics = engine.measureSize('M');
  const lineAdvance = style.lineHeight * style.fontSize;
  return {
    font: engine._getContextFont(),
    lines: engine.textArr.map((line) => line.text),
    // Konva centres the em box of each line in its line box; the same sum keeps the text in place.
    firstBaseline: (metrics.fontBoundingBoxAscent - metrics.fontBoundingBoxDescent) / 2 + lineAdvance / 2,
    lineAdvance,
  };
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
