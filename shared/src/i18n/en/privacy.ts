/** The privacy notice (before the first note) and "Your data" (client/src/dataProtection). */
export const privacy = {
  'privacy.title': 'What happens to what you write',
  'privacy.readers':
    'Everyone with a link to this board can read your notes. Your name is shown on them unless you post anonymously.',
  'privacy.kept': 'Your notes are kept on the server until the board is deleted, including in saved versions of the board.',
  'privacy.erase':
    'You can erase the notes you write here, from the board and its saved versions, under “Your data”. A facilitator can erase anything you wrote, or delete the whole board.',
  'privacy.device':
    'This device keeps a copy of the board so it works offline. “Your data” can forget it, for example on a shared computer.',
  'yourData.open': 'Your data',
  'yourData.summary':
    'What you write here is kept on the server until the board is deleted, and seen by everyone with a link to this board. Posting anonymously leaves your name off a note.',
  'yourData.erase': 'Erase my notes',
  'yourData.forget': 'Forget this board on this device',
  'yourData.close': 'Close',
  'yourData.noNotes': 'There are no notes on this board written on this device.',
  'yourData.confirmErase':
    'Erase your {count, plural, one {note} other {# notes}} from this board and from every saved version? This cannot be undone.',
  'yourData.erasing': 'Erasing…',
  'yourData.erased': 'Your notes have been erased from the board and its saved versions.',
  'yourData.eraseFailed': 'Your notes could not be erased. Try again.',
  'yourData.unreachable': 'The server could not be reached. Nothing has been erased.',
  'yourData.confirmForget': 'Forget this board on this device? You will need the link to open it again.',
} as const;
