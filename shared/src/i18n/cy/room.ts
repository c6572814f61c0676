// Welsh (Cymraeg), after NHS Wales and Comisiynydd y Gymraeg terminology (Cyfranogwr lleyg, Ymarferydd,
// Hwylusydd). AWAITS REVIEW BY A NATIVE WELSH TRANSLATOR before it is used with the public.
import type { room as en } from '../en/room.ts';

export const room: Record<keyof typeof en, string> = {
  'projector.documentTitle': '{title} – taflunydd – Costudio',
  'projector.board': 'Bwrdd',
  'projector.side': 'Ymuno ac amserydd',
  'projector.hereNow': 'Yma nawr',
  'projector.count.lay':
    '{count, plural, zero {# cyfranogwyr lleyg} one {# cyfranogwr lleyg} two {# gyfranogwr lleyg} few {# cyfranogwr lleyg} many {# chyfranogwr lleyg} other {# cyfranogwr lleyg}}',
  'projector.count.practitioner':
    '{count, plural, zero {# ymarferwyr} one {# ymarferydd} two {# ymarferydd} few {# ymarferydd} many {# ymarferydd} other {# ymarferydd}}',
  'projector.qr': 'Cod QR i ymuno â’r bwrdd hwn',
  'projector.scan': 'Sganiwch i ymuno, neu teipiwch: ',
  'projector.code': 'Cod: ',
  'projector.open': 'Agor sgrin y taflunydd',
  'projector.newTab': ' (mewn tab newydd)',
  'projector.shows': 'Mae’r taflunydd yn dangos',
  'projector.view.board': 'Y bwrdd cyfan',
  'projector.view.follow': 'Yr hyn rwy’n ei weld',
  'projector.joinSize': 'Cod ymuno ar y taflunydd',
  'projector.join.auto': 'Mawr nes bod 3 pherson yma',
  'projector.join.large': 'Mawr',
  'projector.join.small': 'Bach, mewn cornel',
  'timer.label': 'Amserydd',
  'timer.up': 'Mae’r amser ar ben',
  'timer.running': 'Yn rhedeg',
  'timer.paused': 'Wedi oedi',
  'timer.minutes': 'Munudau',
  'timer.pause': 'Oedi’r amserydd',
  'timer.start': 'Dechrau’r amserydd',
  'timer.reset': 'Ailosod yr amserydd',
  'whatsNew.summary':
    '{changed, plural, =0 {} zero {# nodyn wedi’i ychwanegu neu ei newid} one {# nodyn wedi’i ychwanegu neu ei newid} two {# nodyn wedi’u hychwanegu neu eu newid} few {# nodyn wedi’u hychwanegu neu eu newid} many {# nodyn wedi’u hychwanegu neu eu newid} other {# nodyn wedi’u hychwanegu neu eu newid}}{both, select, yes { a } other {}}{removed, plural, =0 {} zero {# nodyn wedi’i dynnu} one {# nodyn wedi’i dynnu} two {# nodyn wedi’u tynnu} few {# nodyn wedi’u tynnu} many {# nodyn wedi’u tynnu} other {# nodyn wedi’u tynnu}} ers eich ymweliad diwethaf',
  'whatsNew.label': 'Beth sy’n newydd',
  'whatsNew.next': 'Y newid nesaf',
  'whatsNew.position': '{position, number} o {count, number}: ',
  'whatsNew.current': '“{text}” yn y golofn {lane}',
  'whatsNew.emptyNote': 'nodyn gwag',
  'whatsNew.removed': 'wedi’i dynnu ers hynny',
  'whatsNew.dismiss': 'Cau',
};
