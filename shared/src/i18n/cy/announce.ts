// Welsh (Cymraeg), after NHS Wales and Comisiynydd y Gymraeg terminology (Cyfranogwr lleyg, Ymarferydd,
// Hwylusydd). AWAITS REVIEW BY A NATIVE WELSH TRANSLATOR before it is used with the public.
import type { announce as en } from '../en/announce.ts';

// With digits Welsh keeps the noun singular ("3 nodyn"), so every plural branch reads the same;
// the six categories are still spelled out so a translator can vary them.
export const announce: Record<keyof typeof en, string> = {
  'announce.added': 'Ychwanegodd {who} nodyn at y golofn {lane}.',
  'announce.removed': 'Tynnodd {who} nodyn o’r golofn {lane}.',
  'announce.moved': 'Symudodd {who} nodyn o’r golofn {from} i’r golofn {to}.',
  'announce.recoloured': 'Newidiodd {who} liw nodyn yn y golofn {lane}: {color} nawr.',
  'announce.writing': 'Mae {who} yn ysgrifennu mewn nodyn yn y golofn {lane}.',
  'announce.who.someone': 'rhywun',
  'announce.who.lay': 'cyfranogwr lleyg',
  'announce.who.practitioner': 'ymarferydd',
  'announce.who.named': '{name} ({role})',
  'announce.manyChanged':
    'Newidiodd eraill {count, plural, zero {# nodyn} one {# nodyn} two {# nodyn} few {# nodyn} many {# nodyn} other {# nodyn}}.',
  'announce.combined':
    '{count, plural, zero {# newid} one {# newid} two {# newid} few {# newid} many {# newid} other {# newid}}. Yr un diweddaraf: {latest}',
  'announce.noteMoved': 'Nodyn wedi’i symud i’r golofn {lane}.',
  'announce.noteDeleted': 'Nodyn wedi’i ddileu. Bydd Dadwneud yn dod ag ef yn ôl.',
};
