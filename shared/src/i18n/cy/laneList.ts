// Welsh (Cymraeg), after NHS Wales and Comisiynydd y Gymraeg terminology (Cyfranogwr lleyg, Ymarferydd,
// Hwylusydd). AWAITS REVIEW BY A NATIVE WELSH TRANSLATOR before it is used with the public.
import type { laneList as en } from '../en/laneList.ts';

export const laneList: Record<keyof typeof en, string> = {
  'laneList.intro': 'Mae pob colofn yn gofyn cwestiwn. Ychwanegwch nodyn i’w ateb, yn eich geiriau eich hun.',
  'laneList.undo': 'Dadwneud',
  'laneList.redo': 'Ailwneud',
  'laneList.count': '{count, plural, zero {# nodyn} one {# nodyn} two {# nodyn} few {# nodyn} many {# nodyn} other {# nodyn}}',
  'laneList.add': 'Ychwanegu nodyn',
  'laneList.addTo': 'at y golofn {lane}',
  'laneList.moveTo': 'Symud i…',
  'laneList.colour': 'Lliw',
  'laneList.delete': 'Dileu',
  'laneList.actions': '{field}: camau',
  'move.title': 'Symud i golofn…',
  'move.from': 'Mae’r nodyn hwn yn y golofn {lane} nawr. I ble dylai fynd?',
  'move.cancel': 'Canslo',
  'note.ownAnonymous':
    'Fe wnaethoch chi bostio hwn yn ddienw. Er mwyn iddo aros yn ddienw, does dim modd ei newid o’r ddyfais hon bellach.',
};
