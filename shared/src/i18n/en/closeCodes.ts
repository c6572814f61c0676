/** What a person reads when the server closes their connection (protocol/closeCodes.ts). */
export const closeCodes = {
  'close.goingAway': 'The server is restarting. Reconnecting…',
  'close.accessChanged': 'The facilitator changed the board, so we are joining it again.',
  'close.malformed': 'Your device sent something the server could not read. Reload the page to carry on.',
  'close.unauthorized': 'This link is not valid. Ask the facilitator for a new one.',
  'close.forbidden': 'This link does not open this board. Ask the facilitator for a new one.',
  'close.invalidBoardId': 'There is no board at this address. Check the link.',
  'close.linkExpired': 'This link has expired. Ask the facilitator for a new one.',
  'close.linkRevoked': 'This link has been switched off. Ask the facilitator for a new one.',
  'close.boardDeleted':
    'This board has been deleted, with everything written on it. Nothing you wrote here is kept, on the server or on this device, and it cannot be brought back.',
  'close.tooLarge': 'That change was too large to send. Try a shorter note.',
  'close.rateLimited': 'Too many changes at once. Wait a moment; reconnecting…',
  'close.loadFailed': 'The board could not be opened just now. Nothing has been lost; try again in a minute.',
  'close.storageFailed': 'The server could not save your last change. Try again in a minute.',
} as const;
