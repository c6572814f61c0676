/** The canvas (client/src/canvas): what its shapes say and what it tells a screen reader. */
export const canvas = {
  'canvas.authorLine': '{role} · {name}',
  'canvas.cursor': '{name} · {role}',
  'canvas.laneNotice': '{lane} lane: {prompt} N adds a note here.',
  'canvas.describeNote': '{lane}, note {position, number} of {count, number}, by {author}: {text}',
  'canvas.emptyText': 'empty',
  'canvas.label': 'Board canvas. {count, plural, one {# note} other {# notes}}. Focused lane: {lane}.',
  'canvas.roleDescription': 'board canvas',
  'canvas.noteBy': 'Note by {by} in {lane}',
  'canvas.noteByNamed': '{name} ({role})',
  'canvas.noteActions': 'Note actions',
  'canvas.noteColour': 'Note colour',
} as const;
