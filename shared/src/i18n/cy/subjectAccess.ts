// Welsh (Cymraeg), after NHS Wales and Comisiynydd y Gymraeg terminology (cais gwrthrych am
// wybodaeth, cyfranogwr lleyg, ymarferydd). AWAITS REVIEW BY A NATIVE WELSH TRANSLATOR before it
// is used with the public.
import type { subjectAccess as en } from '../en/subjectAccess.ts';

export const subjectAccess: Record<keyof typeof en, string> = {
  'subjectAccess.title': 'Yr wybodaeth sydd gennym amdanoch chi ar “{board}”',
  'subjectAccess.authorIntro':
    'Nodiadau ac atebion a bostiwyd dan yr enw **{author}**. Dydy rhai dienw ddim yn gysylltiedig ag unrhyw un, felly dydyn nhw ddim wedi’u rhestru.',
  'subjectAccess.notes': 'Eich nodiadau ({count})',
  'subjectAccess.noteLine': '{lane}, {date}: {text}',
  'subjectAccess.replies': 'Eich atebion ({count})',
  'subjectAccess.replyLine': '{date}, ar nodyn {noteId}: {text}',
  'subjectAccess.dots': 'Eich dotiau ({count})',
  'subjectAccess.dotLine': '{vote}: ar nodyn {noteId}, {date}',
  'subjectAccess.dotLineInLane': '{vote}: ar nodyn {noteId} ({lane}), {date}',
  'subjectAccess.untitledVote': 'Pleidlais',
  'subjectAccess.dateUnknown': 'dyddiad anhysbys',
  'subjectAccess.none': 'Dim.',
  'subjectAccess.takingPart': 'Cymryd rhan',
  'subjectAccess.participant':
    'Rôl: {role, select, lay {cyfranogwr lleyg} practitioner {ymarferydd} other {{role}}}. Ymunodd {joined}; gwelwyd ddiwethaf {lastSeen}.',
  'subjectAccess.noParticipant': 'Dim cofnod cyfranogwr.',
  'subjectAccess.download': 'Lawrlwytho’r wybodaeth sydd gennym amdanyn nhw',
  'subjectAccess.preparing': 'Wrthi’n paratoi’r ffeil…',
  'subjectAccess.saved': 'Wedi cadw “{file}”: popeth a bostiwyd fel “{author}” ar y bwrdd hwn.',
  'subjectAccess.failed': 'Doedd dim modd creu’r ffeil. Rhowch gynnig arall arni.',
};
