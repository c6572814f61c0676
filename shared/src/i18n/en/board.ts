/** The board page's frame: connection status, note names, deleted-board notice. */
export const board = {
  'sync.connecting': 'Connecting…',
  'sync.saved': 'All changes saved',
  'sync.saving': 'Saving…',
  'sync.offline': 'Offline',
  'sync.link.switched-off': 'Link switched off',
  'sync.link.expired': 'Link expired',
  'sync.link.not-valid': 'Link not valid',
  'sync.offlineSaved': 'Trying to reconnect. You can keep looking at the board.',
  'sync.offlineUnsaved': 'Trying to reconnect. Keep this page open so your latest changes can be saved.',
  'note.author': '{name} ({role})',
  'note.fieldName': 'Note by {author}',
  'note.empty': '(empty note)',
  'deleted.title': 'This board has been deleted',
  'deleted.offline': 'Anything written here while this device was offline could not be saved. The board no longer exists.',
  'deleted.home': 'Go to the start page',
} as const;
