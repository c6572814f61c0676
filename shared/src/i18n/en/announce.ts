/** What the live region reads out (client/src/announce and the views that call `say`). */
export const announce = {
  'announce.added': '{who} added a note to {lane}.',
  'announce.removed': '{who} removed a note from {lane}.',
  'announce.moved': '{who} moved a note from {from} to {to}.',
  'announce.recoloured': '{who} made a note in {lane} {color}.',
  'announce.writing': '{who} is writing in a note in {lane}.',
  'announce.who.someone': 'Someone',
  'announce.who.lay': 'A lay participant',
  'announce.who.practitioner': 'A practitioner',
  'announce.who.named': '{name} ({role})',
  'announce.manyChanged': 'Others changed {count, plural, one {# note} other {# notes}}.',
  'announce.combined': '{count, plural, one {# change} other {# changes}}. The latest: {latest}',
  'announce.noteMoved': 'Note moved to {lane}.',
  'announce.noteDeleted': 'Note deleted. Undo brings it back.',
} as const;
