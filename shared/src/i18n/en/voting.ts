/** Posting anonymously and dot voting (client/src/voting). */
export const voting = {
  'anon.open': 'Post anonymously…',
  'anon.title': 'Post a note anonymously',
  'anon.helpBefore': 'Others will see',
  'anon.helpAfter':
    ", not your name. Your name is not saved with the note anywhere on the board. Once posted, you cannot edit it from this page, because editing would show it was you to anyone inspecting the board's data.",
  'anon.lane': 'Lane',
  'anon.text': 'Your note',
  'anon.submit': 'Post anonymously',
  'anon.cancel': 'Cancel',
  'anon.empty': 'Please write your note first.',
  'anon.private':
    'Private writing is on, so nothing is posted on the board until the facilitator reveals everyone’s notes. You can post this once private writing ends; it stays here until then.',
  'anon.cannotChange': 'This board cannot be changed here.',
  'anon.posted': 'Your note was posted in {lane}, shown as “{name}”.',
} as const;
