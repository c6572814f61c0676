import Konva from 'konva';

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

/**
 * Wraps and cuts `text` exactly as a Konva.Text with these attributes would, once: Konva.Text
 * re-measures its font on every draw, which made note text the main cost of a pan.
 */
export function layoutTextBlock(text: string, style: TextStyle): TextBlock {
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
