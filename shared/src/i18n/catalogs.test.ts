import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGS, EN_MESSAGES, type MessageId } from './catalogs.ts';
import { LOCALES } from './locales.ts';
import { pseudoBidi, pseudoLong } from './pseudo.ts';
import { translator } from './translator.ts';

/** The plural categories each language needs wherever a count is used (CLDR). */
const PLURAL_CATEGORIES: Record<(typeof LOCALES)[number], readonly string[]> = {
  en: ['one', 'other'],
  cy: ['zero', 'one', 'two', 'few', 'many', 'other'],
};

interface Shape {
  args: Set<string>;
  plurals: { name: string; options: string[] }[];
}

function shapeOf(elements: MessageFormatElement[], shape: Shape = { args: new Set(), plurals: [] }): Shape {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    shape.args.add(element.value);
    if (element.type === TYPE.plural) shape.plurals.push({ name: element.value, options: Object.keys(element.options) });
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) shapeOf(option.value, shape);
    }
  }
  return shape;
}

const ids = Object.keys(EN_MESSAGES) as MessageId[];

describe('message catalogs', () => {
  it.each(LOCALES)('%s has every English id and no other', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual([...ids].sort());
  });

  it.each(LOCALES)('%s: every message is valid ICU, with the plural categories the language needs', (locale) => {
    const problems: string[] = [];
    for (const id of ids) {
      const message = CATALOGS[locale][id];
      if (message.trim() === '') problems.push(`${id}: empty`);
      let shape: Shape;
      try {
        shape = shapeOf(parse(message));
      } catch (error) {
        problems.push(`${id}: ${(error as Error).message}`);
        continue;
      }
      for (const plural of shape.plurals) {
        const missing = PLURAL_CATEGORIES[locale].filter((category) => !plural.options.includes(category));
        if (missing.length > 0) problems.push(`${id}: {${plural.name}, plural} lacks ${missing.join(', ')}`);
      }
      const english = shapeOf(parse(EN_MESSAGES[id]));
      if ([...english.args].sort().join() !== [...shape.args].sort().join()) {
        problems.push(`${id}: arguments ${[...shape.args]} differ from English ${[...english.args]}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('formats Welsh counts with the right plural form and Welsh list words', () => {
    const cy = translator('cy');
    expect(cy.t('people.hereNow', { count: 2 })).toBe('Yma nawr: 2 berson');
    expect(cy.t('people.hereNow', { count: 3 })).toBe('Yma nawr: 3 pherson');
    expect(cy.t('laneList.count', { count: 0 })).toBe('0 nodyn');
    expect(cy.list(['Diffinio', 'Dylunio', 'Penderfynu'])).toBe('Diffinio, Dylunio, Penderfynu');
    expect(translator('en').t('laneList.count', { count: 1 })).toBe('1 note');
  });

  it('makes pseudo-locales that keep every argument and are about 40 % longer', () => {
    for (const id of ids) {
      const long = pseudoLong(EN_MESSAGES[id]);
      expect(shapeOf(parse(long)).args).toEqual(shapeOf(parse(EN_MESSAGES[id])).args);
      expect(() => parse(pseudoBidi(EN_MESSAGES[id]))).not.toThrow();
    }
    const xa = translator('en-XA').t('join.title');
    expect(xa.length).toBeGreaterThanOrEqual(Math.floor('Join the board'.length * 1.4));
    expect(translator('en-XA').t('laneList.count', { count: 3 })).toContain('3');
  });
});
