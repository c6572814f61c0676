/**
 * Why a note this person posted anonymously cannot be changed here: any write into it would
 * carry this session's Yjs client id and so link it to their named notes (BoardEditor
 * isOwnAnonymousNote). Shown wherever an edit of such a note is refused, in plain words.
 */
export const OWN_ANONYMOUS_NOTE_MESSAGE =
  "You posted this anonymously. To keep it anonymous, it can't be changed from this device now.";
