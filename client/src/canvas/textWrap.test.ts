import { describe, expect, it } from 'vitest';
import { wrapText } from './textWrap.ts';

/** A monospace font: every character 10 px wide, "…" too. */
const mono = (text: string) => Array.from(text).length * 10;
const word = (maxWidth: number, maxLines = Number.POSITIVE_INFINITY) => ({ maxWidth, maxLines, wrap: 'word' as const });

describe('wrapText', () => {
  it('keeps a text that fits on one line as it is, spaces included', () => {
    expect(wrapText('Bus stop  ', word(100), mono)).toEqual(['Bus stop  ']);
  });

  it('breaks after the last space that fits, never inside a word that fits on a line', () => {
    expect(wrapText('Letters come too late to plan', word(120), mono)).toEqual(['Letters come', 'too late to', 'plan']);
  });

  it('keeps a dash at the end of the line it breaks', () => {
    expect(wrapText('walk-in clinic', word(60), mono)).toEqual(['walk-', 'in', 'clinic']);
  });

  it('breaks a word longer than the line inside it', () => {
    expect(wrapText('Supercalifragilistic', word(80), mono)).toEqual(['Supercal', 'ifragili', 'stic']);
  });

  it('starts every paragraph on a new line and keeps empty ones', () => {
    expect(wrapText('One\n\nTwo', word(100), mono)).toEqual(['One', '', 'Two']);
  });

  it('cuts what does not fit in the lines, the last kept line ending in "…"', () => {
    expect(wrapText('Letters come too late to plan', word(120, 2), mono)).toEqual(['Letters come', 'too late to…']);
    expect(wrapText('First\nSecond', word(100, 1), mono)).toEqual(['First…']);
  });

  it('says nothing was cut when everything fits in the lines', () => {
    expect(wrapText('Letters come too late', word(120, 2), mono)).toEqual(['Letters come', 'too late']);
  });

  it('cuts a paragraph to one line with "…" when it may not wrap', () => {
    expect(wrapText('Answered · 2 replies', { maxWidth: 100, maxLines: 1, wrap: 'none' }, mono)).toEqual(['Answered…']);
    expect(wrapText('Decided', { maxWidth: 100, maxLines: 1, wrap: 'none' }, mono)).toEqual(['Decided']);
    expect(wrapText('Lay participant'.repeat(50), { maxWidth: 100, maxLines: 1, wrap: 'none' }, mono)).toEqual(['Lay parti…']);
    expect(wrapText('Wide', { maxWidth: 5, maxLines: 1, wrap: 'none' }, mono)).toEqual(['']);
  });

  it('never splits an emoji or an accented letter', () => {
    const perCharacter = (text: string) => [...new Intl.Segmenter().segment(text)].length * 10;
    const lines = wrapText('👍🏽👍🏽👍🏽 café', word(20), perCharacter);
    expect(lines).toEqual(['👍🏽👍🏽', '👍🏽', 'ca', 'fé']);
  });

  it('measures a few times a line, not once a character', () => {
    let measured = 0;
    const counting = (text: string) => {
      measured++;
      return mono(text);
    };
    const text = 'word '.repeat(400);
    expect(wrapText(text, word(200, 5), counting)).toHaveLength(5);
    expect(measured).toBeLessThan(60);
  });
});
