import { describe, expect, it } from 'vitest';
import { translator } from './translator.ts';

describe('translator', () => {
  it('answers each message with its own values, however often it is asked', () => {
    const en = translator('en');
    for (let round = 0; round < 2; round++) {
      expect(en.t('share.points', { sign: 'plus', points: 1 })).toBe('+1 point');
      expect(en.t('share.points', { sign: 'plus', points: 3 })).toBe('+3 points');
      expect(en.t('share.points', { sign: 'minus', points: 3 })).toBe('−3 points');
      expect(en.t('share.points', { points: 3, sign: 'plus' })).toBe('+3 points');
    }
  });

  it('keeps each language to itself', () => {
    expect(translator('en').t('share.points', { sign: 'plus', points: 2 })).toBe('+2 points');
    expect(translator('cy').t('share.points', { sign: 'plus', points: 2 })).not.toBe('+2 points');
  });
});
