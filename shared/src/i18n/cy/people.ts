// Welsh (Cymraeg), after NHS Wales and Comisiynydd y Gymraeg terminology (Cyfranogwr lleyg, Ymarferydd,
// Hwylusydd). AWAITS REVIEW BY A NATIVE WELSH TRANSLATOR before it is used with the public.
import type { people as en } from '../en/people.ts';

export const people: Record<keyof typeof en, string> = {
  'people.you': '{name} (chi)',
  'people.hereNow':
    'Yma nawr: {count, plural, zero {# person} one {# person} two {# berson} few {# pherson} many {# pherson} other {# person}}',
  'people.roleCount': '{role}: {count, number}',
  'people.role': '– {role}',
  'identity.summary': '– {role}. Newid eich enw neu’ch rôl',
  'identity.summaryWithData': '– {role}. Newid eich enw neu’ch rôl, neu weld eich data',
  'identity.title': 'Newid eich enw neu’ch rôl',
  'identity.save': 'Cadw',
  'follow.following': 'Yn dilyn {name}. Pwyswch Escape i stopio.',
  'follow.followingList': 'Yn dilyn {name}: mae’r rhestr yn dangos beth maen nhw’n edrych arno.',
  'follow.someoneName': 'rhywun',
  'follow.stopped': 'Wedi stopio dilyn.',
  'follow.stop': 'Stopio dilyn',
  'follow.follow': 'Dilyn',
  'follow.someone': 'rhywun…',
  'follow.bringEveryone': 'Dod â phawb ataf i',
  'follow.facilitator': 'Dilyn yr hwylusydd',
  'lock.unlockBoard': 'Datgloi’r bwrdd',
  'lock.lockBoard': 'Cloi’r bwrdd',
  'lock.lanes': 'Cloi colofnau',
  'lock.notice':
    'Mae’r hwylusydd wedi cloi {lanes}: does dim modd symud na newid y nodiadau yno, a does dim modd symud nodiadau {count, plural, zero {iddyn nhw} one {iddi} two {iddyn nhw} few {iddyn nhw} many {iddyn nhw} other {iddyn nhw}}.',
};
