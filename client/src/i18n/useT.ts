import type { Translator } from '@costudio/shared';
import { useSyncExternalStore } from 'react';
import { currentTranslator, subscribeLocale } from './localeChoice.ts';

/** The translator for the device's language; the component re-renders when it changes. */
export function useT(): Translator {
  return useSyncExternalStore(subscribeLocale, currentTranslator);
}
