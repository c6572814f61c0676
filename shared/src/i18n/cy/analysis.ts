// Welsh (Cymraeg), after NHS Wales and Comisiynydd y Gymraeg terminology (Cyfranogwr lleyg, Ymarferydd,
// Hwylusydd). AWAITS REVIEW BY A NATIVE WELSH TRANSLATOR before it is used with the public.
import type { analysis as en } from '../en/analysis.ts';

export const analysis: Record<keyof typeof en, string> = {
  'balance.prompt':
    'Gan gyfranogwyr lleyg y daeth {lay} o {total} {metric, select, notes {nodyn} edits {golygiad} other {pleidlais}} {area, select, board {ar y bwrdd} other {yn y golofn {lane}}} — beth am eu gwahodd i gymryd rhan?',
  'perspectives.lay-far-higher': 'Mae cyfranogwyr lleyg yn rhoi hwn yn llawer uwch nag y mae ymarferwyr',
  'perspectives.lay-higher': 'Mae cyfranogwyr lleyg yn rhoi hwn yn uwch nag y mae ymarferwyr',
  'perspectives.practitioner-far-higher': 'Mae ymarferwyr yn rhoi hwn yn llawer uwch nag y mae cyfranogwyr lleyg',
  'perspectives.practitioner-higher': 'Mae ymarferwyr yn rhoi hwn yn uwch nag y mae cyfranogwyr lleyg',
  'perspectives.shared-priority': 'Mae cyfranogwyr lleyg ac ymarferwyr ill dau yn rhoi hwn yn uchel',
  'perspectives.detail': '{lay} o’r cyfranogwyr lleyg, {practitioner} o’r ymarferwyr',
  'perspectives.noVotes': 'Does neb wedi pleidleisio eto.',
  'perspectives.noVoters.lay': 'Ni phleidleisiodd unrhyw gyfranogwyr lleyg, felly does dim i’w gymharu.',
  'perspectives.noVoters.practitioner': 'Ni phleidleisiodd unrhyw ymarferwyr, felly does dim i’w gymharu.',
  'perspectives.fewVoters.lay':
    'Dim ond {count, plural, zero {# cyfranogwr lleyg} one {# cyfranogwr lleyg} two {# gyfranogwr lleyg} few {# chyfranogwr lleyg} many {# chyfranogwr lleyg} other {# cyfranogwr lleyg}} a bleidleisiodd, felly ni nodir gwahaniaethau.',
  'perspectives.fewVoters.practitioner':
    'Dim ond {count, plural, zero {# ymarferydd} one {# ymarferydd} two {# ymarferydd} few {# ymarferydd} many {# ymarferydd} other {# ymarferydd}} a bleidleisiodd, felly ni nodir gwahaniaethau.',
  'share.percent': '{share, number, percent}',
  'share.points':
    '{sign, select, plus {+} minus {−} other {}}{points, plural, zero {# pwynt} one {# pwynt} two {# bwynt} few {# phwynt} many {# phwynt} other {# pwynt}}',
};
