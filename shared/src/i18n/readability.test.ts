import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { EN_MESSAGES, type MessageId } from './catalogs.ts';

/**
 * Plain English stays plain: what a lay participant reads first (the lane prompts, the start
 * and join pages, the notices and the privacy notice) must score a Flesch–Kincaid grade of 8 or
 * less, so later edits do not drift into jargon. Each message is scored on its own, with its
 * ICU arguments read as a one-syllable word ("{lane}" is a lane title like "Define").
 */
const MAX_GRADE = 8;
const CHECKED = /^(lane\.\w+\.prompt|join\.|start\.intro|close\.|deleted\.|notice\.|privacy\.)/;
/** A formula for prose: labels and buttons of a few words are not scored. */
const MIN_WORDS = 6;

function plain(message: string): string {
  // Plural branches: keep the "other" wording; other arguments read as a short word.
  return message
    .replace(/\{(\w+), plural,[^{}]*(?:\{[^{}]*\}[^{}]*)*other \{([^{}]*)\}\}/g, (_all, _name, other: string) =>
      other.replace('#', '2'),
    )
    .replace(/\{(\w+), select,[^{}]*(?:\{[^{}]*\}[^{}]*)*other \{([^{}]*)\}\}/g, (_all, _name, other: string) => other)
    .replace(/\{\w+[^{}]*\}/g, 'it');
}

export function grade(text: string): number {
  const words = text.match(/[\p{L}\p{N}’'-]+/gu) ?? [];
  const sentences = Math.max(1, (text.match(/[.!?…]+(\s|$)/g) ?? []).length);
  const syllables = words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  return fleschKincaid({ sentence: sentences, word: words.length, syllable: syllables });
}

describe('plain English (Flesch–Kincaid grade ≤ 8)', () => {
  const checked = (Object.keys(EN_MESSAGES) as MessageId[]).filter(
    (id) => CHECKED.test(id) && (plain(EN_MESSAGES[id]).match(/[\p{L}’'-]+/gu) ?? []).length >= MIN_WORDS,
  );

  it('checks the lane prompts, join page and notices', () => {
    expect(checked.filter((id) => id.endsWith('.prompt'))).toHaveLength(6);
    expect(checked).toContain('join.intro');
    expect(checked.some((id) => id.startsWith('close.'))).toBe(true);
  });

  it.each(checked)('%s', (id) => {
    const text = plain(EN_MESSAGES[id]);
    expect(grade(text), text).toBeLessThanOrEqual(MAX_GRADE);
  });

  it('fails on jargon', () => {
    expect(
      grade('Facilitators must operationalise interdisciplinary stakeholder engagement methodologies consistently.'),
    ).toBeGreaterThan(MAX_GRADE);
  });
});
