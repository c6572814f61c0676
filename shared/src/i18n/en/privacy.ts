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
  'retention.title': 'How long this board is kept',
  'retention.forever': 'Kept until someone deletes it.',
  'retention.until': 'If nobody opens it, it will be deleted on {date}.',
  'retention.keep': 'Keep this board',
  'retention.usual': 'Use the usual time',
  'retention.days': 'Delete after this many days unused',
  'retention.set': 'Set',
  'retention.saved': 'Saved.',
  'retention.failed': 'This could not be changed.',
  'erase.title': 'Erase what one person wrote',
  'erase.postedAs': 'Notes posted as',
  'erase.choose': 'Choose a name',
  'erase.go': 'Erase their notes',
  'erase.confirm': 'Erase every note posted as “{author}”, from the board and every saved version? This cannot be undone.',
  'erase.done': 'Erased {count, plural, one {# note} other {# notes}} by {author} from the board and its saved versions.',
  'erase.failed': 'Nothing could be erased. Try again.',
  'delete.title': 'Delete this board',
  'delete.explain':
    'Deletes the board for everyone, with every note, every saved version, every link and private notes. It cannot be undone. Export a copy first if you need one.',
  'delete.confirmLabel': 'Type the board’s title, “{title}”, to confirm',
  'delete.go': 'Delete this board for good',
  'delete.done': 'The board has been deleted.',
  'delete.failed': 'The board could not be deleted. Try again.',
  'delete.unreachable': 'The server could not be reached. Nothing has been deleted.',
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
