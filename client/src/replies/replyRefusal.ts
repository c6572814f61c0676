import type { Translator } from '@costudio/shared';

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
export function writeRefusal(state: WriteState, what: 'reply' | 'link', laneTitle: string, t: Translator): string | null {
  if (state.readOnly) return t.t(what === 'reply' ? 'trace.refuse.readReplies' : 'trace.refuse.readLinks');
  if (state.laneLocked) return t.t('trace.refuse.locked', { lane: laneTitle });
  if (state.privateWriting) return t.t('trace.refuse.private');
  if (what === 'link' && state.ownAnonymous) return t.t('note.ownAnonymous');
  return null;
}
