/** How `wrapText` may break a text: at spaces and dashes, or not at all (one line per paragraph). */
export type WrapMode = 'word' | 'none';

export interface WrapOptions {
  maxWidth: number;
  /** Lines that fit; text beyond them is cut, the last kept line ending in "…". */
  maxLines: number;
  wrap: WrapMode;
}

/** Width of a piece of text in the font being laid out. */
export type MeasureText = (text: string) => number;

export const ELLIPSIS = '…';
const TRAILING_SPACE = /\s+$/u;

/** Made when a paragraph first needs breaking, not when the page loads. */
let segmenter: Intl.Segmenter | null | undefined;

/** User-perceived characters, so an emoji or an accented letter is never split. */
function graphemes(text: string): string[] {
  segmenter ??= typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter() : null;
  return segmenter ? Array.from(segmenter.segment(text), (part) => part.segment) : Array.from(text);
}

function isBreak(grapheme: string | undefined): boolean {
  return grapheme === ' ' || grapheme === '-';
}

/**
 * The lines `text` is drawn in: each paragraph ("\n") on lines of at most `maxWidth`, broken
 * after the last space or dash that fits (inside a word only when the word alone is wider than a
 * line), at most `maxLines` lines, the last ending in "…" when anything was left out. A line is
 * found by measuring prefixes (exponential, then binary search from the paragraph's average
 * character width), so a long note costs a few measurements a line, and wrapping stops once
 * the lines are full.
 */
export function wrapText(text: string, options: WrapOptions, measure: MeasureText): string[] {
  const maxLines = Math.max(1, options.maxLines);
  const lines: string[] = [];
  // One line past what fits is enough to know that something was cut.
  const enough = () => lines.length > maxLines;
  for (const paragraph of text.split('\n')) {
    if (enough()) break;
    const width = measure(paragraph);
    if (width <= options.maxWidth) {
      lines.push(paragraph);
      continue;
    }
    if (options.wrap === 'none') {
      lines.push(withEllipsis(paragraph, options.maxWidth, measure));
      continue;
    }
    const parts = graphemes(paragraph);
    const perLine = Math.max(1, Math.floor((parts.length * options.maxWidth) / width));
    let start = 0;
    while (start < parts.length && !enough()) {
      const fits = (end: number) => measure(parts.slice(start, end).join('')) <= options.maxWidth;
      let end = longestFitting(start, parts.length, start + perLine, fits);
      if (end < parts.length && !isBreak(parts[end])) {
        let lastBreak = end - 1;
        while (lastBreak > start && !isBreak(parts[lastBreak])) lastBreak--;
        if (lastBreak > start || isBreak(parts[start])) end = lastBreak + 1;
      }
      // The rest of a paragraph is kept as it is; a line broken off it loses its trailing spaces.
      const line = parts.slice(start, end).join('');
      lines.push(end === parts.length ? line : line.replace(TRAILING_SPACE, ''));
      start = end;
      while (start < parts.length && parts[start]?.trim() === '') start++;
    }
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] ?? '', options.maxWidth, measure, true);
  return kept;
}

/**
 * The end (exclusive) of the longest run from `start` that `fits`, at least one character: grows
 * from `guess` until a run does not fit, then halves the gap.
 */
function longestFitting(start: number, length: number, guess: number, fits: (end: number) => boolean): number {
  let low = start + 1;
  let high = Math.min(length, Math.max(guess, low));
  if (fits(high)) {
    low = high;
    while (low < length) {
      high = Math.min(length, low + (low - start));
      if (!fits(high)) break;
      low = high;
    }
    if (low === length) return length;
  } else if (high === low) {
    return low;
  }
  // Now low fits (or is the one character every line keeps) and high does not.
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/** `line` shortened until it fits with "…" after it; `always` adds the "…" even if it fits whole. */
function withEllipsis(line: string, maxWidth: number, measure: MeasureText, always = false): string {
  if (!always && measure(line) <= maxWidth) return line;
  const parts = graphemes(line);
  const cutAt = (end: number) => parts.slice(0, end).join('').replace(TRAILING_SPACE, '') + ELLIPSIS;
  const fits = (end: number) => measure(cutAt(end)) <= maxWidth;
  if (parts.length === 0 || !fits(1)) return measure(ELLIPSIS) <= maxWidth ? ELLIPSIS : '';
  return cutAt(longestFitting(0, parts.length, parts.length, fits));
}
