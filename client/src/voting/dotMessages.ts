import type { PlaceDotRefusal, Translator } from '@costudio/shared';
import { currentTranslator } from '../i18n/localeChoice.ts';

/** What a person reads when a dot cannot be placed: what happened and what they can do. */
export function refusalMessage(reason: PlaceDotRefusal, dotsPerPerson: number, t: Translator = currentTranslator()): string {
  return t.t(`dot.refusal.${reason}`, { count: dotsPerPerson });
}

/** "You have 2 dots left." / "You have used all your dots." */
export function dotsLeftSentence(left: number, t: Translator = currentTranslator()): string {
  return t.t('dot.leftSentence', { left });
}
