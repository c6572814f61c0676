import { ENGLISH } from '@costudio/shared';

const OWN_ANONYMOUS_NOTE_MESSAGE = ENGLISH.t('note.ownAnonymous');

export interface WriteState {
  readOnly: boolean;
  laneLocked: boolean;
  privateWriting: boolean;
  /** Linking writes into the note; a note this session posted anonymously must stay untouched. */
  ownAnonymous?: boolean;
}

/**
 * Why this person cannot reply to, or link, a note now, in plain words; null when they can.
 * The same rules as editing a note: view-only links, locked lanes, and while private writing
 * is on nothing new reaches the others before the reveal.
 */
export function writeRefusal(state: WriteState, what: 'reply' | 'link', laneTitle: string): string | null {
  if (state.readOnly) {
    return what === 'reply' ? 'You can read replies here, but not write them.' : 'You can read links here, but not change them.';
  }
  if (state.laneLocked) return `The facilitator has locked ${laneTitle} for now.`;
  if (state.privateWriting) return 'Private writing is on. You can reply and link again once the notes are revealed.';
  if (what === 'link' && state.ownAnonymous) return OWN_ANONYMOUS_NOTE_MESSAGE;
  return null;
}
