/** The subject-access report: what a board holds about one person (report/subjectAccess.ts). */
export const subjectAccess = {
  'subjectAccess.title': 'What we hold about you on “{board}”',
  'subjectAccess.authorIntro':
    'Notes and replies posted under the name **{author}**. Anonymous ones are not linked to anyone, so they are not listed.',
  'subjectAccess.notes': 'Your notes ({count})',
  'subjectAccess.noteLine': '{lane}, {date}: {text}',
  'subjectAccess.replies': 'Your replies ({count})',
  'subjectAccess.replyLine': '{date}, on note {noteId}: {text}',
  'subjectAccess.dots': 'Your dots ({count})',
  'subjectAccess.dotLine': '{vote}: on note {noteId}, {date}',
  'subjectAccess.dotLineInLane': '{vote}: on note {noteId} ({lane}), {date}',
  'subjectAccess.untitledVote': 'Vote',
  'subjectAccess.dateUnknown': 'date unknown',
  'subjectAccess.none': 'None.',
  'subjectAccess.takingPart': 'Taking part',
  'subjectAccess.participant':
    'Role: {role, select, lay {lay} practitioner {practitioner} other {{role}}}. Joined {joined}; last seen {lastSeen}.',
  'subjectAccess.noParticipant': 'No participant record.',
  'subjectAccess.download': 'Download what we hold about them',
  'subjectAccess.preparing': 'Preparing the file…',
  'subjectAccess.saved': 'Saved “{file}”: everything posted as “{author}” on this board.',
  'subjectAccess.failed': 'The file could not be made. Try again.',
} as const;
