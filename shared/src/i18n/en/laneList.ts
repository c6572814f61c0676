/** The lane list (client/src/laneList) and the move dialog the canvas shares with it. */
export const laneList = {
  'laneList.intro': 'Each lane asks a question. Add a note to answer it, in your own words.',
  'laneList.undo': 'Undo',
  'laneList.redo': 'Redo',
  'laneList.count': '{count, plural, one {# note} other {# notes}}',
  'laneList.add': 'Add note',
  'laneList.addTo': 'to {lane}',
  'laneList.moveTo': 'Move to…',
  'laneList.colour': 'Colour',
  'laneList.delete': 'Delete',
  'laneList.actions': '{field}: actions',
  'move.title': 'Move to lane…',
  'move.from': 'This note is in {lane} now. Where should it go?',
  'move.cancel': 'Cancel',
  'note.ownAnonymous': "You posted this anonymously. To keep it anonymous, it can't be changed from this device now.",
} as const;
